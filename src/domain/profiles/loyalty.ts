import { currencyExponent, parseDuration, type CurrencyCode } from '../shared/index.js';
import type { ActivityEntry } from './activity.js';
import { ProfileError } from './errors.js';

/** A tier: reached with at least `minPoints` points and/or `minSpend` (minor units) spent in the program's window. */
export interface LoyaltyTier {
  readonly id: string;
  readonly minPoints?: number;
  readonly minSpend?: number;
  /** What the tier gives, read by pricing and promotions (`{ percentOff: 5 }`). */
  readonly perks: Readonly<Record<string, unknown>>;
}

/** The store's loyalty program (`PUT /v1/loyalty/program`). Tiers are listed from the lowest up. */
export interface LoyaltyProgram {
  readonly currency: CurrencyCode;
  /** Points per whole unit of the currency spent (1 = a point per pound); decimals allowed. */
  readonly pointsPerUnit: number;
  readonly tiers: readonly LoyaltyTier[];
  /** The rolling window `minSpend` is measured over (ms); absent: all time. */
  readonly spendWindowMs?: number;
}

/** A customer's standing: points, tier, and what the next tier still needs. */
export interface LoyaltyStatus {
  readonly points: number;
  readonly tier: string | null;
  readonly next: {
    readonly tier: string;
    readonly pointsNeeded?: number;
    readonly spendNeeded?: number;
  } | null;
  /** When a spend window alone could change the tier. */
  readonly nextChange?: number;
}

/**
 * Points for spending `amount` minor units: floor(spend in major units × pointsPerUnit), computed
 * exactly in integers (0.29 points per pound on £100.00 is 29 points, not 28.999...).
 */
export function pointsFor(amount: number, currency: CurrencyCode, program: LoyaltyProgram): number {
  if (currency !== program.currency || amount <= 0) return 0;
  const { numerator, denominator } = asFraction(program.pointsPerUnit);
  const scale = 10n ** BigInt(currencyExponent(currency));
  return Number((BigInt(amount) * numerator) / (denominator * scale));
}

/** The customer's tier and progress at `now`, from their points and their spend in the window. */
export function loyaltyStatus(
  points: number,
  orders: readonly ActivityEntry[],
  program: LoyaltyProgram,
  now: number,
): LoyaltyStatus {
  const window = program.spendWindowMs;
  const counted = orders.filter(
    (entry) =>
      entry.currency === program.currency &&
      entry.t <= now &&
      (window === undefined || entry.t > now - window),
  );
  const spend = counted.reduce((sum, entry) => sum + (entry.amount ?? 0), 0);
  const reaches = (tier: LoyaltyTier) => (tier.minPoints ?? 0) <= points && (tier.minSpend ?? 0) <= spend;
  let reached = -1;
  program.tiers.forEach((tier, index) => {
    if (reaches(tier)) reached = index;
  });
  const nextTier = program.tiers[reached + 1];
  const next =
    nextTier === undefined
      ? null
      : {
          tier: nextTier.id,
          ...(nextTier.minPoints !== undefined && { pointsNeeded: Math.max(0, nextTier.minPoints - points) }),
          ...(nextTier.minSpend !== undefined && { spendNeeded: Math.max(0, nextTier.minSpend - spend) }),
        };
  const usesSpend = window !== undefined && program.tiers.some((tier) => tier.minSpend !== undefined);
  const edges = usesSpend
    ? orders.flatMap((entry) => [entry.t, entry.t + window]).filter((edge) => edge > now)
    : [];
  return {
    points,
    tier: program.tiers[reached]?.id ?? null,
    next,
    ...(edges.length > 0 && { nextChange: Math.min(...edges) }),
  };
}

/** A decimal such as 0.29 as the exact fraction 29/100, read from its shortest decimal form. */
function asFraction(value: number): { numerator: bigint; denominator: bigint } {
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(`${whole}${fraction}`);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

/** A loyalty program as a merchant writes it (`PUT /v1/loyalty/program`). */
export interface LoyaltyProgramInput {
  readonly currency: CurrencyCode;
  readonly pointsPerUnit: number;
  /** The rolling window for `minSpend` tiers, such as `365d`. */
  readonly spendWindow?: string;
  readonly tiers: readonly LoyaltyTier[];
}

/**
 * Validates a program: tier ids unique, thresholds never falling from one tier to the next, a
 * positive rate with at most 6 decimals, a window where spend tiers need one.
 * @throws DomainError `invalid_loyalty_program` pointing at the field.
 */
export function draftLoyaltyProgram(input: LoyaltyProgramInput): LoyaltyProgram {
  const fail = (pointer: string, detail: string): never => {
    throw new ProfileError('invalid_loyalty_program', detail, { pointer });
  };
  if (!(input.pointsPerUnit > 0) || asFraction(input.pointsPerUnit).denominator > 1_000_000n) {
    fail('/pointsPerUnit', 'pointsPerUnit must be positive, with at most 6 decimals');
  }
  const spendWindowMs = input.spendWindow === undefined ? undefined : parseDuration(input.spendWindow);
  if (input.spendWindow !== undefined && spendWindowMs === undefined)
    fail('/spendWindow', 'spendWindow is a duration such as 365d');
  const seen = new Set<string>();
  input.tiers.forEach((tier, index) => {
    if (seen.has(tier.id)) fail(`/tiers/${index}/id`, `tier ${tier.id} appears twice`);
    seen.add(tier.id);
    const previous = input.tiers[index - 1];
    if (
      (tier.minPoints ?? 0) < (previous?.minPoints ?? 0) ||
      (tier.minSpend ?? 0) < (previous?.minSpend ?? 0)
    ) {
      fail(`/tiers/${index}`, 'tiers are listed from the lowest up: thresholds must not fall');
    }
  });
  return {
    currency: input.currency,
    pointsPerUnit: input.pointsPerUnit,
    tiers: input.tiers,
    ...(spendWindowMs !== undefined && { spendWindowMs }),
  };
}

/**
 * A customer's points from their history under `program`: every counted order earns, every refund
 * takes back what its spend earned, in time order, never below zero. Used when a program starts or changes.
 */
export function pointsFromHistory(
  history: readonly {
    readonly at: number;
    readonly kind: 'order' | 'refund';
    readonly amount: number;
    readonly currency: CurrencyCode;
  }[],
  program: LoyaltyProgram,
): number {
  let points = 0;
  for (const entry of [...history].sort((a, b) => a.at - b.at)) {
    const value = pointsFor(entry.amount, entry.currency, program);
    points = entry.kind === 'order' ? points + value : Math.max(0, points - value);
  }
  return points;
}
