/**
 * A small category tree for the Online Retail products, from keywords in their descriptions. The
 * first rule whose keyword appears (as whole words) wins, so specific rules come before broad ones.
 */
const CATEGORY_RULES: readonly (readonly [category: string, keywords: readonly string[]])[] = [
  [
    'seasonal/christmas',
    ['CHRISTMAS', 'XMAS', 'ADVENT', 'SANTA', 'REINDEER', 'SNOWFLAKE', 'NATIVITY', 'BAUBLE', 'SNOWMAN'],
  ],
  ['seasonal/easter', ['EASTER', 'CHICK', 'BUNNY']],
  ['jewellery/necklaces', ['NECKLACE', 'NECKL', 'PENDANT', 'LARIAT']],
  ['jewellery/bracelets', ['BRACELET', 'BANGLE']],
  ['jewellery/earrings', ['EARRINGS', 'EARRING']],
  ['jewellery', ['DIAMANTE', 'BLING', 'BROOCH', 'CHARM', 'BEADS', 'BEAD', 'RING']],
  ['accessories/hair', ['HAIR', 'HAIRCLIP', 'ALICE BAND', 'HAIRBAND']],
  [
    'accessories',
    ['UMBRELLA', 'KEY RING', 'KEYRING', 'PHONE', 'GLOVES', 'SCARF', 'WALLET', 'SUNGLASSES', 'PASSPORT'],
  ],
  ['kitchen/mugs-cups', ['MUG', 'MUGS', 'CUP', 'CUPS', 'TEACUP', 'SAUCER', 'BEAKER', 'BEAKERS']],
  [
    'kitchen/baking',
    ['CAKE', 'CAKES', 'BAKING', 'CUPCAKE', 'MOULD', 'CAKESTAND', 'ROLLING PIN', 'BISCUIT', 'SCALES', 'CASES'],
  ],
  [
    'kitchen/tableware',
    [
      'PLATE',
      'PLATES',
      'BOWL',
      'BOWLS',
      'CUTLERY',
      'NAPKIN',
      'NAPKINS',
      'DISH',
      'TRAY',
      'PLACEMAT',
      'PLACEMATS',
      'COASTER',
      'COASTERS',
      'JUG',
      'TEAPOT',
      'GLASS',
      'TUMBLER',
      'SPOON',
      'FORK',
      'STRAWS',
      'DOILY',
      'DOILIES',
      'TABLECLOTH',
    ],
  ],
  [
    'kitchen/storage',
    ['JAR', 'JARS', 'CANISTER', 'LUNCH', 'PANTRY', 'TINS', 'TIN', 'BREAD BIN', 'FOOD', 'BOTTLE'],
  ],
  ['kitchen', ['KITCHEN', 'APRON', 'OVEN', 'TEA TOWEL', 'TEA', 'COFFEE', 'EGG', 'TOASTRACK']],
  [
    'home/candles-lighting',
    [
      'CANDLE',
      'CANDLES',
      'T-LIGHT',
      'TLIGHT',
      'TEALIGHT',
      'LANTERN',
      'LIGHTS',
      'LIGHT',
      'LAMP',
      'INCENSE',
      'CANDLEHOLDER',
      'CANDLESTICK',
      'CANDLEPOT',
      'LAMPSHADE',
      'MATCHES',
    ],
  ],
  [
    'home/textiles',
    ['CUSHION', 'HOT WATER BOTTLE', 'DOORMAT', 'TOWEL', 'THROW', 'QUILT', 'BLANKET', 'CURTAIN', 'FLANNEL'],
  ],
  [
    'home/decor',
    [
      'FRAME',
      'MIRROR',
      'CLOCK',
      'SIGN',
      'WALL',
      'DECORATION',
      'GARLAND',
      'BUNTING',
      'ORNAMENT',
      'VASE',
      'WREATH',
      'HEART',
      'HEARTS',
      'CHANDELIER',
      'PICTURE',
      'PLAQUE',
      'DOORSTOP',
      'MOBILE',
      'WINDMILL',
      'CHIME',
      'FLOWER',
      'FLOWERS',
      'PHOTOFRAME',
      'MAGNET',
      'MAGNETS',
      'BUTTERFLY',
      'LETTERS',
      'FEATHER TREE',
      'ICICLE',
    ],
  ],
  [
    'home/storage',
    [
      'DRAWER',
      'CABINET',
      'BOX',
      'BOXES',
      'BASKET',
      'STORAGE',
      'HOOK',
      'HOOKS',
      'RACK',
      'HANGER',
      'KNOB',
      'TRUNK',
      'CRATE',
      'HOLDER',
      'SHELF',
      'CASE',
    ],
  ],
  [
    'garden',
    [
      'GARDEN',
      'PLANT',
      'PLANTER',
      'BIRD',
      'WATERING',
      'PARASOL',
      'FEEDER',
      'SEED',
      'SEEDS',
      'GNOME',
      'TROWEL',
      'BIRDHOUSE',
    ],
  ],
  [
    'stationery/cards-wrap',
    [
      'CARD',
      'CARDS',
      'WRAP',
      'GIFT TAG',
      'TAGS',
      'RIBBON',
      'RIBBONS',
      'PAPER',
      'ENVELOPE',
      'ENVELOPES',
      'STICKERS',
      'STICKER',
      'TISSUE',
      'TISSUES',
      'CONFETTI',
    ],
  ],
  [
    'stationery/writing',
    [
      'NOTEBOOK',
      'PEN',
      'PENS',
      'PENCIL',
      'PENCILS',
      'ERASER',
      'JOURNAL',
      'TAPE',
      'BOOK',
      'NOTEPAD',
      'MEMO',
      'RULER',
      'CRAYONS',
      'CHALK',
      'STAMP',
      'DIARY',
      'ALBUM',
      'SCISSOR',
      'SCISSORS',
    ],
  ],
  ['bags', ['BAG', 'BAGS', 'PURSE', 'SHOPPER', 'TOTE', 'RUCKSACK', 'BACKPACK', 'SATCHEL', 'WASHBAG']],
  ['party', ['PARTY', 'BALLOON', 'BALLOONS', 'BIRTHDAY', 'CRACKER', 'CRACKERS', 'BANNER', 'PARTY CONE']],
  [
    'toys-games',
    [
      'TOY',
      'TOYS',
      'JIGSAW',
      'GAME',
      'GAMES',
      'DOLL',
      'DOLLY',
      'PUPPET',
      'SKIPPING',
      'SPACEBOY',
      'DOMINOES',
      'PLAYING CARDS',
      'KIT',
      'SOLDIER',
      'TEDDY',
      'BLOCKS',
      'MAGIC',
      'BINGO',
      'SNAKES',
      'COLOURING',
      'PAINTING',
    ],
  ],
];

const COLOURS = [
  'PINK',
  'RED',
  'BLUE',
  'WHITE',
  'BLACK',
  'GREEN',
  'IVORY',
  'CREAM',
  'SILVER',
  'GOLD',
  'PURPLE',
  'YELLOW',
  'ORANGE',
  'BROWN',
  'GREY',
  'TURQUOISE',
  'LILAC',
];
const PATTERNS = [
  'RETROSPOT',
  'POLKADOT',
  'PAISLEY',
  'GINGHAM',
  'FLORAL',
  'VINTAGE',
  'REGENCY',
  'BAROQUE',
  'SPACEBOY',
  'WOODLAND',
  'SKULL',
  'UNION JACK',
];

/** The category of a product, from its upper-case description; `gifts` when no rule applies. */
export function categoryOf(description: string): string {
  const text = ` ${description.toUpperCase().replace(/[^A-Z0-9-]+/g, ' ')} `;
  for (const [category, keywords] of CATEGORY_RULES) {
    if (keywords.some((keyword) => text.includes(` ${keyword} `))) return category;
  }
  return 'gifts';
}

/** Colours and patterns named in a description, as product attributes. */
export function attributesOf(description: string): Record<string, string[]> {
  const text = ` ${description.toUpperCase().replace(/[^A-Z0-9-]+/g, ' ')} `;
  const found = (words: readonly string[]) =>
    words.filter((word) => text.includes(` ${word} `)).map((word) => word.toLowerCase());
  const colour = found(COLOURS);
  const pattern = found(PATTERNS);
  return { ...(colour.length > 0 && { colour }), ...(pattern.length > 0 && { pattern }) };
}

const SMALL_WORDS = new Set(['of', 'and', 'in', 'with', 'the', 'a', 'on', 'for', 'to']);

/** "SET OF 3 CAKE TINS PANTRY DESIGN" → "Set of 3 Cake Tins Pantry Design". */
export function titleOf(description: string): string {
  return description
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((word, index) =>
      index > 0 && SMALL_WORDS.has(word)
        ? word
        : word.replace(
            /(^|[-/(])([a-z])/g,
            (_, before: string, letter: string) => before + letter.toUpperCase(),
          ),
    )
    .join(' ');
}
