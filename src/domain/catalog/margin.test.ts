import { describe, expect, it } from 'vitest';
import table from './cases/margin.json' with { type: 'json' };
import { costIn, grossMargin, type CostedProduct } from './margin.js';

interface Row {
  name: string;
  price: [number, string];
  cost?: [number, string];
  currency?: string;
  expect: number | null;
}

function productOf(row: Row): CostedProduct {
  const [amount, currency] = row.price;
  return {
    price: { amount, currency },
    ...(row.cost !== undefined && { cost: { amount: row.cost[0], currency: row.cost[1] } }),
  };
}

describe('gross margin (cases/margin.json)', () => {
  it.each(table.grossMargin as Row[])('$name', (row) => {
    expect(grossMargin(productOf(row)) ?? null).toBe(row.expect);
  });
});

describe('cost in a currency (cases/margin.json)', () => {
  it.each(table.costIn as Row[])('$name', (row) => {
    expect(costIn(productOf(row), row.currency as string) ?? null).toBe(row.expect);
  });
});
