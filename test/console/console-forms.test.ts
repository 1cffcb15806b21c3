import { describe, expect, it } from 'vitest';
import { diffOf } from '../../web/console/src/diff.js';
import { formOfRule, ruleOfForm } from '../../web/console/src/pages/rule-form.js';

describe("the console's audit diff", () => {
  it('names each changed, added and removed field by its JSON pointer', () => {
    const before = { title: 'Ten off', action: { type: 'percent_off', percent: 10 }, badge: 'Sale' };
    const after = {
      title: 'Ten off',
      action: { type: 'percent_off', percent: 15 },
      audience: { segments: ['vip'] },
    };
    expect(diffOf(before, after)).toEqual([
      { path: '/action/percent', kind: 'changed', before: 10, after: 15 },
      { path: '/audience/segments/0', kind: 'added', after: 'vip' },
      { path: '/badge', kind: 'removed', before: 'Sale' },
    ]);
  });

  it('tells an empty object filled in by the fields added, not by the empty object removed', () => {
    expect(diffOf({ audience: {} }, { audience: { segments: ['uk'] } })).toEqual([
      { path: '/audience/segments/0', kind: 'added', after: 'uk' },
    ]);
    expect(diffOf({ audience: { segments: ['uk'] } }, { audience: {} })).toEqual([
      { path: '/audience/segments/0', kind: 'removed', before: 'uk' },
    ]);
  });

  it('shows a creation as every field added and a deletion as every field removed', () => {
    expect(diffOf(null, { name: 'UK' })).toEqual([{ path: '/name', kind: 'added', after: 'UK' }]);
    expect(diffOf({ name: 'UK' }, null)).toEqual([{ path: '/name', kind: 'removed', before: 'UK' }]);
  });

  it('shows an empty list that is new, and escapes keys that hold a slash', () => {
    expect(diffOf({ title: 'x' }, { title: 'x', tags: [] })).toEqual([
      { path: '/tags', kind: 'added', after: [] },
    ]);
    expect(diffOf({ tags: ['a'] }, { tags: [] })).toEqual([
      { path: '/tags/0', kind: 'removed', before: 'a' },
    ]);
    expect(diffOf({ 'a/b': 1 }, { 'a/b': 2 })).toEqual([
      { path: '/a~1b', kind: 'changed', before: 1, after: 2 },
    ]);
  });
});

describe("the console's segment rule form", () => {
  it('turns trait and event conditions into the rule the API takes, and back', () => {
    const rule = ruleOfForm({
      combinator: 'any',
      conditions: [
        { kind: 'trait', path: 'traits.country', op: 'in', value: 'GB, IE' },
        { kind: 'trait', path: 'traits.vip', op: 'eq', value: 'true' },
        { kind: 'event', event: 'Order Completed', within: '30d', atLeast: '2' },
      ],
    });
    expect(rule).toEqual({
      any: [
        { trait: 'traits.country', op: 'in', value: ['GB', 'IE'] },
        { trait: 'traits.vip', op: 'eq', value: true },
        { event: 'Order Completed', within: '30d', count: { gte: 2 } },
      ],
    });
    expect(ruleOfForm(formOfRule(rule)!)).toEqual(rule);
  });

  it('writes a single condition as the condition itself', () => {
    const form = {
      combinator: 'all' as const,
      conditions: [{ kind: 'trait' as const, path: 'traits.age', op: 'gte', value: '18' }],
    };
    expect(ruleOfForm(form)).toEqual({ trait: 'traits.age', op: 'gte', value: 18 });
  });

  it('leaves to JSON the rules the form cannot show, rather than dropping parts of them', () => {
    expect(formOfRule({ not: { trait: 'traits.vip', op: 'eq', value: true } })).toBeUndefined();
    expect(formOfRule({ all: [{ any: [] }] })).toBeUndefined();
    expect(formOfRule({ event: 'Viewed', where: { category: 'x' } })).toBeUndefined();
    expect(formOfRule({ segment: 'vip' })).toBeUndefined();
  });
});
