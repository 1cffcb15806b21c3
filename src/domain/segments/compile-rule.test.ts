import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/index.js';
import table from './cases/rules.json' with { type: 'json' };
import { compileRule } from './compile-rule.js';
import type { ActivityEntry, Subject } from './rule.js';
import { findCycle } from './segment-graph.js';

interface Case {
  name: string;
  rule: unknown;
  expect: boolean;
  now?: string;
  nextChange?: string;
  withoutContext?: boolean;
}

function subjectFor(row: Case): Subject {
  const activity = Object.fromEntries(
    Object.entries(table.activity).map(([name, entries]) => [
      name,
      entries.map((entry): ActivityEntry => ({ ...entry, t: Date.parse(entry.t) })),
    ]),
  );
  return {
    read: (path) =>
      path
        .split('.')
        .reduce<unknown>(
          (value, key) => (value as Record<string, unknown> | undefined)?.[key],
          table.profile,
        ),
    activity,
    ...(row.withoutContext === true ? {} : { context: table.context }),
    isMember: (id) => table.members.includes(id),
    now: Date.parse(row.now ?? table.now),
  };
}

describe('segment rules (cases/rules.json)', () => {
  it.each(table.cases as Case[])('$name', (row) => {
    const { rule } = compileRule(row.rule);
    const subject = subjectFor(row);
    expect(rule.test(subject)).toBe(row.expect);
    if (row.nextChange !== undefined)
      expect(new Date(rule.nextChange(subject) ?? 0).toISOString()).toBe(row.nextChange);
  });

  it.each(table.invalid)('refuses $name, pointing at $pointer', ({ rule, pointer }) => {
    try {
      compileRule(rule);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('invalid_rule');
      expect((error as DomainError).details['pointer']).toBe(pointer);
    }
  });
});

describe('what a rule reads', () => {
  it('lists traits, computed fields, events with their filters, segments and the longest window', () => {
    const { reads } = compileRule({
      all: [
        { trait: 'traits.country', op: 'eq', value: 'GB' },
        { trait: 'computed.orderCount', op: 'gte', value: 2 },
        { event: 'Order Completed', within: '30d', where: { category: 'home' } },
        { event: 'Product Viewed', within: '7d', sum: { property: 'price', gte: 100 } },
        { segment: 'vip' },
      ],
    });
    expect(reads.traits).toBe(true);
    expect([...reads.computed]).toEqual(['orderCount']);
    expect(reads.events).toEqual(
      new Map([
        ['Order Completed', new Set(['category'])],
        ['Product Viewed', new Set(['price'])],
      ]),
    );
    expect([...reads.segments]).toEqual(['vip']);
    expect(reads.maxWindowMs).toBe(30 * 86_400_000);
  });
});

describe('findCycle', () => {
  it('finds a cycle through several segments and none in a tree', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', new Set(['b', 'c'])],
          ['b', new Set(['c'])],
        ]),
      ),
    ).toBeUndefined();
    expect(findCycle(new Map([['self', new Set(['self'])]]))).toEqual(['self', 'self']);
  });
});
