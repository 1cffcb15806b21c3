import { DEMO_COLOURS } from '../../../app/demo/demo-media.js';

/** Simple line drawings, one per top-level category of the demo, on a 100×100 grid centred at 50,44. */
const GLYPHS: readonly (readonly [string, string])[] = [
  ['home', '<path d="M28 48 50 28l22 20v24H28z"/><path d="M44 72V58h12v14"/>'],
  [
    'kitchen',
    '<path d="M32 34h30v30a8 8 0 0 1-8 8H40a8 8 0 0 1-8-8z"/><path d="M62 40h6a7 7 0 0 1 0 14h-6"/>',
  ],
  [
    'gifts',
    '<rect x="28" y="40" width="44" height="32"/><path d="M24 32h52v8H24zM50 32v40"/><path d="M50 32c-6-10-18-6-12 0m12 0c6-10 18-6 12 0"/>',
  ],
  ['stationery', '<path d="M30 66 62 34l6 6-32 32-8 2z"/><path d="M58 38l6 6"/>'],
  ['seasonal', '<path d="m50 24 7 15 16 2-12 11 3 16-14-8-14 8 3-16-12-11 16-2z"/>'],
  ['bags', '<path d="M30 42h40l-4 32H34z"/><path d="M40 42v-6a10 10 0 0 1 20 0v6"/>'],
  ['jewellery', '<circle cx="50" cy="56" r="16"/><path d="m42 34 8-10 8 10-8 6z"/>'],
  [
    'garden',
    '<path d="M50 74V46"/><path d="M50 50c-14 0-20-10-20-20 12 0 20 6 20 20zm0-6c0-12 8-18 20-18 0 10-6 18-20 18z"/>',
  ],
  [
    'toys',
    '<rect x="32" y="32" width="36" height="36" rx="6"/><circle cx="42" cy="42" r="3"/><circle cx="58" cy="58" r="3"/><circle cx="50" cy="50" r="3"/>',
  ],
  ['accessories', '<path d="M50 50 30 38v24zm0 0 20-12v24z"/><circle cx="50" cy="50" r="4"/>'],
  ['party', '<ellipse cx="50" cy="42" rx="14" ry="17"/><path d="M50 59l-3 5h6zm0 5c-4 6 4 8 0 14"/>'],
];
const FALLBACK_GLYPH = '<circle cx="50" cy="48" r="18"/>';

/** `<category>-<colour>.svg`: a category slug (letters, digits, hyphens) and a known colour. */
const NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)-([a-z]+)\.svg$/;

/**
 * The demo's placeholder picture for `<category>-<colour>.svg`: a tinted square with the category's
 * drawing and its name, or undefined for a name that is not one. Only the name's letters, digits and
 * hyphens reach the SVG, so nothing a caller sends becomes markup.
 */
export function placeholderImage(name: string): string | undefined {
  const match = NAME.exec(name);
  const colours = match?.[2] === undefined ? undefined : DEMO_COLOURS.get(match[2]);
  const category = match?.[1];
  if (colours === undefined || category === undefined) return undefined;
  const glyph = GLYPHS.find(([prefix]) => category.startsWith(prefix))?.[1] ?? FALLBACK_GLYPH;
  const label = category.replace(/-/g, ' ');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="400" height="400">',
    `<rect width="100" height="100" fill="${colours.fill}"/>`,
    `<g fill="none" stroke="${colours.ink}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round">`,
    glyph,
    '</g>',
    `<text x="50" y="90" text-anchor="middle" font-family="system-ui,sans-serif" font-size="7" fill="${colours.ink}">`,
    label,
    '</text></svg>',
  ].join('');
}
