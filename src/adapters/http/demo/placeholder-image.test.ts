import { describe, expect, it } from 'vitest';
import { placeholderImage } from './placeholder-image.js';

describe('placeholderImage', () => {
  it('draws a category in a colour', () => {
    const svg = placeholderImage('home-candles-lighting-white.svg');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('home candles lighting');
    expect(placeholderImage('home-candles-lighting-white.svg')).toBe(svg);
  });

  it('refuses names that are not a category and a known colour', () => {
    for (const name of ['home-tartan.svg', 'home.svg', '<script>-red.svg', 'home-red.png', '-red.svg'])
      expect(placeholderImage(name)).toBeUndefined();
  });
});
