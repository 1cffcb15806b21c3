import { describe, expect, it } from 'vitest';
import { Popularity } from './popularity.js';

const HOUR = 3_600_000;
const NOW = 1_800_000_000_000;

describe('Popularity', () => {
  it('scores trending as interactions a day above the usual rate: a burst scores, a steady seller does not', () => {
    const popularity = new Popularity();
    // Two a day for four months; five a day for the last six days, never before.
    for (let hours = 120 * 24; hours > 0; hours -= 12) popularity.add('all', 'steady', 1, NOW - hours * HOUR);
    for (let hours = 6 * 24; hours > 0; hours -= 4.8) popularity.add('all', 'burst', 1, NOW - hours * HOUR);
    const trending = new Map(popularity.top('all', 'trending', NOW, 5));
    // Well above zero and below the burst's own five a day (its long memory holds some of it too).
    expect(trending.get('burst')).toBeGreaterThan(2);
    expect(trending.get('burst')).toBeLessThan(5);
    expect(trending.get('steady') ?? 0).toBeLessThan(0.1);
    // Popular still ranks the long seller first.
    expect(popularity.top('all', 'popular', NOW, 1)[0]?.[0]).toBe('steady');
  });
});
