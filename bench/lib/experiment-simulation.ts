/**
 * Simulated experiment traffic for the experiments benchmark: units with impressions, clicks, orders and
 * order values drawn from a seeded generator, for two arms whose true relative differences are known.
 */
import {
  addUnit,
  EMPTY_TOTALS,
  type UnitOutcome,
  type VariantTotals,
} from '../../src/domain/experiments/index.js';

/** One arm's behaviour. */
export interface ArmModel {
  /** Probability that a unit orders at all. */
  readonly conversion: number;
  /** Probability that a converted unit orders once more (repeatedly, so orders are geometric). */
  readonly repeat: number;
  /** Median order value, minor units (values are log-normal). */
  readonly medianOrderValue: number;
  readonly orderValueSigma: number;
  /** Impressions per unit are uniform on 1..maxImpressions; each is clicked with probability `ctr`. */
  readonly maxImpressions: number;
  readonly ctr: number;
}

export const CONTROL_MODEL: ArmModel = {
  conversion: 0.05,
  repeat: 0.3,
  medianOrderValue: 3000,
  orderValueSigma: 0.8,
  maxImpressions: 20,
  ctr: 0.05,
};

/** The treatment of the A/B experiments: conversion +10 %, order values +5 %, click-through +10 %. */
export const TREATMENT_MODEL: ArmModel = {
  ...CONTROL_MODEL,
  conversion: CONTROL_MODEL.conversion * 1.1,
  medianOrderValue: CONTROL_MODEL.medianOrderValue * 1.05,
  ctr: CONTROL_MODEL.ctr * 1.1,
};

/**
 * The treatment's true relative differences on each metric: conversion and click-through by
 * construction; revenue per unit = P(convert) · E[orders | converted] · E[order value], so
 * 1.1 · 1.05 − 1; revenue per order = 1.05 − 1 (orders per buyer are unchanged).
 */
export const TRUE_UPLIFT = {
  conversion: 0.1,
  revenue_per_unit: 1.1 * 1.05 - 1,
  aov: 0.05,
  ctr: 0.1,
} as const;

function gaussian(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** One simulated unit of an arm. */
export function simulateUnit(model: ArmModel, random: () => number): UnitOutcome {
  const impressions = 1 + Math.floor(random() * model.maxImpressions);
  let clicks = 0;
  for (let i = 0; i < impressions; i += 1) if (random() < model.ctr) clicks += 1;
  let orders = 0;
  let revenue = 0;
  if (random() < model.conversion) {
    do {
      orders += 1;
      revenue += Math.round(model.medianOrderValue * Math.exp(model.orderValueSigma * gaussian(random)));
    } while (random() < model.repeat);
  }
  return { orders, revenue, impressions, clicks, preRevenue: undefined };
}

/** An arm of `units` simulated units, as the totals the experiment service keeps. */
export function simulateArm(model: ArmModel, units: number, random: () => number): VariantTotals {
  let totals = EMPTY_TOTALS;
  for (let i = 0; i < units; i += 1) totals = addUnit(totals, simulateUnit(model, random));
  return totals;
}
