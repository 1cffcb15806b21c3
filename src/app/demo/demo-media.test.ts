import { describe, expect, it } from 'vitest';
import { demoHandle, demoImagePath, withDemoMedia } from './demo-media.js';

describe('demo media', () => {
  it('gives each product a slug of its title and id, and a picture of its category and colour', () => {
    expect(demoHandle('85123A', 'White Hanging Heart T-Light Holder')).toBe(
      'white-hanging-heart-t-light-holder-85123a',
    );
    expect(demoImagePath('85123A', 'home/candles-lighting', ['white'])).toBe(
      '/demo/images/home-candles-lighting-white.svg',
    );
  });

  it('picks a colour from the id when the product names none, the same one every time', () => {
    const path = demoImagePath('10002', 'gifts', []);
    expect(path).toMatch(/^\/demo\/images\/gifts-[a-z]+\.svg$/);
    expect(demoImagePath('10002', 'gifts', ['tartan'])).toBe(path);
  });

  it('adds media to a catalogue row and keeps what a row already has', () => {
    const row = withDemoMedia({
      id: '22423',
      title: 'Regency Cakestand 3 Tier',
      categories: ['kitchen/tableware'],
      attributes: { colour: ['pink'] },
    });
    expect(row).toMatchObject({
      handle: 'regency-cakestand-3-tier-22423',
      images: [{ url: '/demo/images/kitchen-tableware-pink.svg', alt: 'Regency Cakestand 3 Tier' }],
    });
    expect(withDemoMedia({ id: 'x', title: 'X', handle: 'own', images: [] })).toMatchObject({
      handle: 'own',
      images: [],
    });
  });
});
