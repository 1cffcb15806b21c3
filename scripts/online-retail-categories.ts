/**
 * A small category tree for the Online Retail products, from keywords in their descriptions. The
 * first rule whose keyword appears (as whole words) wins, so specific rules come before broad ones; a
 * category may have several rules at different places in the order. Many descriptions name a design
 * as well as the thing ("CUP OF TEA" on a kneeling pad, "DOILY" on pencils, "GARDEN" on a notebook),
 * so the rules that name the thing itself come first, and words that are often a design come late.
 * docs/evaluation.md ("Demo categories") says how the mapping was measured.
 */
const CATEGORY_RULES: readonly (readonly [category: string, keywords: readonly string[]])[] = [
  ['seasonal/christmas', ['CHRISTMAS', 'XMAS', 'ADVENT', 'SANTA', 'NATIVITY']],
  ['seasonal/easter', ['EASTER', 'CHICK', 'CHICKS', 'BUNNY']],
  // Candles and their holders before tableware and decorations: a "glass candle plate" is a candle
  // holder, a "bauble T-light holder" is not a Christmas bauble.
  [
    'home/candles-lighting',
    [
      'CANDLE',
      'CANDLES',
      'T-LIGHT',
      'T-LIGHTS',
      'TLIGHT',
      'TEALIGHT',
      'TEALIGHTS',
      'CANDLEHOLDER',
      'CANDLESTICK',
      'CANDLEPOT',
      'INCENSE',
      'FRAGRANCE',
      'OIL BURNER',
    ],
  ],
  ['seasonal/christmas', ['REINDEER', 'SNOWFLAKE', 'BAUBLE', 'BAUBLES', 'SNOWMAN']],
  // Things whose own name is unambiguous, before the designs printed on them.
  [
    'garden',
    [
      'GARDENER',
      'GARDENERS',
      'KNEELING',
      'HERB MARKER',
      'GARDEN MARKER',
      'GARDEN FORK',
      'GARDEN TROWEL',
      'GARDEN GLOVES',
      'GARDEN TOOLS',
      'SECATEURS',
      'WATERING CAN',
      'BIRD FEEDER',
      'BIRD TABLE',
      'PLANT',
      'PLANTER',
      'PLANTERS',
    ],
  ],
  ['stationery/cards-wrap', ['WRAP']],
  ['party', ['PARTY BAG', 'PARTY BAGS']],
  // Paper honeycomb bells, balls and fans hang from a ceiling; a fan is otherwise one to carry.
  ['home/decor', ['HONEYCOMB']],
  ['home/textiles', ['HOT WATER BOTTLE', 'CUSHION COVER', 'C COVER']],
  ['kitchen', ['WASHING UP', 'FRYING PAN', 'MILK PAN']],
  ['kitchen/baking', ['CUP CAKE', 'CAKE CASES', 'BAKING CASES']],
  [
    'home/storage',
    ['TOY TIDY', 'WALL TIDY', 'SUCTION CUP', 'CUPBOARD', 'TRINKET', 'CHEST', 'DRAWERS', 'BASKETS'],
  ],
  ['toys-games', ['PLAYING CARDS', 'HARMONICA', 'JIGSAW', 'DOMINOES', 'WHEELBARROW']],
  ['stationery/writing', ['STATIONERY', 'NOTEBOOK', 'NOTEBOOKS', 'NOTE BOOKS', 'PENCILS', 'JOURNAL']],
  // First aid is no category of this shop; it should not land in kitchen storage for its tin.
  ['gifts', ['PLASTERS', 'FIRST AID']],
  // Charms for phones and bags are accessories, and a key ring is not a ring.
  [
    'accessories',
    [
      'PHONE CHARM',
      'BAG CHARM',
      'KEY RING',
      'KEYRING',
      'UMBRELLA',
      'PHONE',
      'GLOVES',
      'SCARF',
      'WALLET',
      'SUNGLASSES',
      'PASSPORT',
      'HAND WARMER',
      'FAN',
      'TISSUES',
    ],
  ],
  ['jewellery/necklaces', ['NECKLACE', 'NECKL', 'PENDANT', 'LARIAT']],
  ['jewellery/bracelets', ['BRACELET', 'BANGLE']],
  ['jewellery/earrings', ['EARRINGS', 'EARRING']],
  ['jewellery', ['DIAMANTE', 'BLING', 'BROOCH', 'CHARM', 'BEADS', 'BEAD', 'RING']],
  ['accessories/hair', ['HAIR', 'HAIRCLIP', 'ALICE BAND', 'HAIRBAND']],
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
  [
    'kitchen',
    [
      'KITCHEN',
      'APRON',
      'OVEN',
      'TEA TOWEL',
      'TEA',
      'COFFEE',
      'EGG',
      'TOASTRACK',
      'LADLE',
      'SAUCEPAN',
      'COLANDER',
    ],
  ],
  ['home/candles-lighting', ['LANTERN', 'LIGHTS', 'LIGHT', 'LIGHTBULB', 'LAMP', 'LAMPSHADE', 'MATCHES']],
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
      'BUDDHA',
      'PORCELAIN',
      'DOOR HANGER',
      'SCREEN',
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
      'BIRD HOUSE',
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
  // Birds are mostly a design (on hooks, boxes, mugs), so a bird is a decoration only when nothing else names the thing.
  ['home/decor', ['BIRD', 'BIRDS']],
  // After the rules for what goes into a bag, before the ribbons and paper that are often its design.
  ['bags', ['BAG', 'BAGS', 'PURSE', 'SHOPPER', 'TOTE', 'RUCKSACK', 'BACKPACK', 'SATCHEL', 'WASHBAG']],
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
      'SKETCHBOOK',
    ],
  ],
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

/** "LIGHT PINK" is a shade, not a lamp. */
const LIGHT_AS_SHADE = new RegExp(` LIGHT (?=(?:${COLOURS.join('|')}) )`, 'g');

/** The category of a product, from its upper-case description; `gifts` when no rule applies. */
export function categoryOf(description: string): string {
  const text = ` ${description.toUpperCase().replace(/[^A-Z0-9-]+/g, ' ')} `.replace(LIGHT_AS_SHADE, ' ');
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
