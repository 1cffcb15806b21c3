import { fnv1a32 } from '../../domain/shared/index.js';

/**
 * The demo catalogue's handles and pictures. The Online Retail extract has neither, so each product
 * gets a slug of its title and id, and a placeholder picture that Attune draws itself
 * (`GET /demo/images/<category>-<colour>.svg`): one per category and colour, so the storefront looks
 * like a shop without hosting anything elsewhere.
 */

/** Colours the placeholder pictures come in, with their fill and ink; the data set's colour words. */
export const DEMO_COLOURS: ReadonlyMap<string, { readonly fill: string; readonly ink: string }> = new Map([
  ['pink', { fill: '#f9d5e0', ink: '#b03a66' }],
  ['red', { fill: '#f7c9c4', ink: '#a8322a' }],
  ['blue', { fill: '#cfe0f5', ink: '#2b5c9a' }],
  ['white', { fill: '#f4f1ea', ink: '#7a6f5c' }],
  ['black', { fill: '#d9d9de', ink: '#2b2b33' }],
  ['green', { fill: '#d3ecd5', ink: '#2f7a3c' }],
  ['ivory', { fill: '#f8f3e1', ink: '#8a7a45' }],
  ['cream', { fill: '#f6ecd6', ink: '#8c6d3a' }],
  ['silver', { fill: '#e4e7eb', ink: '#5d6673' }],
  ['gold', { fill: '#f6e7b8', ink: '#8f6b12' }],
  ['purple', { fill: '#e3d4f1', ink: '#6a3d9a' }],
  ['yellow', { fill: '#fbf0b9', ink: '#8d7a0c' }],
  ['orange', { fill: '#fbdcc0', ink: '#b45a13' }],
  ['brown', { fill: '#e8d6c6', ink: '#6e4527' }],
  ['grey', { fill: '#e1e1e1', ink: '#555555' }],
  ['turquoise', { fill: '#c8efeb', ink: '#17847a' }],
  ['lilac', { fill: '#eadcf3', ink: '#7c55a0' }],
]);

const PALETTE = [...DEMO_COLOURS.keys()];

/** A product's slug: its title's words, then its id, so two products with one title differ. */
export function demoHandle(id: string, title: string): string {
  return slugOf(`${title} ${id}`);
}

/**
 * The placeholder picture's path for a product: its first category (slashes as hyphens) and its
 * first known colour, else one picked from its id, always the same for the same product.
 */
export function demoImagePath(id: string, category: string, colours: readonly string[]): string {
  const colour = colours.find((name) => DEMO_COLOURS.has(name)) ?? PALETTE[hashOf(id) % PALETTE.length];
  return `/demo/images/${slugOf(category) || 'shop'}-${colour ?? 'white'}.svg`;
}

/** A demo catalogue row with its handle and picture added (rows that have their own keep them). */
export function withDemoMedia(record: Record<string, unknown>): Record<string, unknown> {
  const id = typeof record['id'] === 'string' ? record['id'] : '';
  const title = typeof record['title'] === 'string' ? record['title'] : id;
  const categories = Array.isArray(record['categories']) ? record['categories'] : [];
  const category = typeof categories[0] === 'string' ? categories[0] : 'shop';
  const attributes = record['attributes'];
  const colours =
    typeof attributes === 'object' && attributes !== null && 'colour' in attributes
      ? [attributes.colour].flat().filter((c): c is string => typeof c === 'string')
      : [];
  return {
    ...record,
    handle: record['handle'] ?? demoHandle(id, title),
    images: record['images'] ?? [{ url: demoImagePath(id, category, colours), alt: title }],
  };
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
}

/** FNV-1a: a small stable hash, so a product's colour never changes between loads. */
const hashOf = fnv1a32;
