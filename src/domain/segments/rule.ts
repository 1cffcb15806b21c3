import type { ActivityEntry } from '../shared/index.js';

/** Comparison operators of trait and context conditions. */
export const OPERATORS = [
  'eq',
  'neq',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'contains',
  'startsWith',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** A numeric threshold: every given bound must hold (`{ gte: 2 }`, `{ gt: 0, lt: 10 }`). */
export interface Threshold {
  readonly eq?: number;
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
}

/**
 * A segment rule, as merchants write it. A node is exactly one of: `all`, `any`,
 * `not`, a trait condition, a context condition (evaluated at decision time), an event aggregate in
 * a time window, or membership of another segment.
 */
export type RuleNode =
  | { readonly all: readonly RuleNode[] }
  | { readonly any: readonly RuleNode[] }
  | { readonly not: RuleNode }
  | { readonly trait: string; readonly op: Operator; readonly value?: unknown }
  | { readonly context: string; readonly op: Operator; readonly value?: unknown }
  | {
      readonly event: string;
      /** `30d`, `12h`, `90m`, `2w`; absent: all time. */
      readonly within?: string;
      readonly where?: Readonly<Record<string, unknown>>;
      readonly count?: Threshold;
      readonly sum?: Threshold & { readonly property: string };
    }
  | { readonly segment: string };

export type { ActivityEntry };

/** Everything a rule can read about one customer at one moment. */
export interface Subject {
  /** Reads `traits.*`, `computed.*` and `loyalty.*` paths; undefined when absent. */
  readonly read: (path: string) => unknown;
  /** Per event name, oldest first. */
  readonly activity: Readonly<Record<string, readonly ActivityEntry[]>>;
  /** The request's context at decision time; absent when evaluating stored membership. */
  readonly context?: Readonly<Record<string, unknown>>;
  readonly isMember: (segmentId: string) => boolean;
  /** Epoch ms. */
  readonly now: number;
}
