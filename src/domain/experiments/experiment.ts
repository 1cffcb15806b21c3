import { windowProblem } from '../shared/index.js';
import { ExperimentError } from './errors.js';

export type ExperimentStatus = 'draft' | 'running' | 'stopped';
export type ExperimentMetric = 'conversion' | 'revenue_per_unit' | 'aov' | 'ctr';
export const EXPERIMENT_METRICS: readonly ExperimentMetric[] = [
  'conversion',
  'revenue_per_unit',
  'aov',
  'ctr',
];

/** Ids switched on or off for the units of a variant. */
export interface Toggles {
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
}

/** Listing signal weights a variant sets (the others keep the store's). */
export interface ListingWeights {
  readonly relevance?: number;
  readonly affinity?: number;
  readonly popularity?: number;
  readonly margin?: number;
}

/** What a variant changes in the answers its units get. The control usually changes nothing. */
export interface VariantChanges {
  /** By the page's recommendation slot name: the strategy that slot uses instead. */
  readonly recommendations?: Readonly<Record<string, { readonly strategy: string }>>;
  readonly listingWeights?: ListingWeights;
  /** By content slot: the variant id shown, whatever its audience. */
  readonly content?: Readonly<Record<string, string>>;
  readonly promotions?: Toggles;
  readonly priceLists?: Toggles;
  /** `false`: the holdout, the exact answer a visitor with no personalisation gets. */
  readonly personalization?: false;
}

export interface ExperimentVariant {
  readonly id: string;
  /** Integer percent of the experiment's units; all weights sum to 100. */
  readonly weight: number;
  readonly changes: VariantChanges;
}

/** Who may be enrolled: every non-empty field must match; within a field any value may. Countries, channels and devices are lower-case. */
export interface ExperimentAudience {
  readonly segments?: readonly string[];
  readonly countries?: readonly string[];
  readonly channels?: readonly string[];
  readonly devices?: readonly string[];
}

/** The part of a layer's units an experiment takes, in whole percent: `from` ≤ bucket < `to`. */
export interface LayerSlice {
  readonly from: number;
  readonly to: number;
}

export interface ExperimentInput {
  readonly name: string;
  readonly status: ExperimentStatus;
  readonly layer?: string;
  readonly layerSlice?: LayerSlice;
  readonly seed?: string;
  readonly trafficPercent?: number;
  readonly audience?: ExperimentAudience;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly metric: ExperimentMetric;
  readonly guardrails?: readonly ExperimentMetric[];
  readonly variants: readonly ExperimentVariant[];
}

export interface ExperimentDraft {
  readonly id: string;
  readonly name: string;
  readonly status: ExperimentStatus;
  readonly layer?: string;
  /** Set whenever `layer` is: the slice given, or the first free one of `trafficPercent` width. */
  readonly layerSlice?: LayerSlice;
  /** Defaults to the experiment's id. */
  readonly seed: string;
  readonly trafficPercent: number;
  readonly audience?: ExperimentAudience;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly metric: ExperimentMetric;
  readonly guardrails: readonly ExperimentMetric[];
  readonly variants: readonly ExperimentVariant[];
  /** When it was last stopped (ISO 8601), set by the service; orders and clicks after it count for nothing. */
  readonly stoppedAt?: string;
}

export interface Experiment extends ExperimentDraft {
  readonly version: number;
  readonly updatedAt: string;
}

/** What a variant may name, as the node holds it now; each check answers whether the id exists. */
export interface ExperimentReferences {
  readonly isStrategy: (strategy: string) => boolean;
  /** Whether the content slot exists and, with `variantId`, has that variant. */
  readonly hasContent: (slot: string, variantId?: string) => boolean;
  readonly hasPromotion: (id: string) => boolean;
  readonly hasPriceList: (id: string) => boolean;
}

/**
 * Checks an experiment as a merchant sends it, in this order: variants (ids unique, weights sum to
 * 100, each change names something that exists), schedule, layer (its slice overlaps no other
 * experiment of the layer that is not stopped). A layer without a slice takes the first free slice
 * as wide as `trafficPercent`. Audience values are stored lower-case.
 * @throws ExperimentError `invalid_experiment` with the pointer of the field at fault.
 */
export function draftExperiment(
  id: string,
  input: ExperimentInput,
  references: ExperimentReferences,
  others: readonly ExperimentDraft[],
): ExperimentDraft {
  checkVariants(input.variants, references);
  const window = windowProblem(input);
  if (window !== undefined) throw invalid(window.pointer, window.detail);
  const trafficPercent = input.trafficPercent ?? 100;
  const audience = normalizeAudience(input.audience);
  const layerSlice =
    input.layer === undefined ? undefined : sliceIn(id, input.layer, input, trafficPercent, others);
  if (input.layer === undefined && input.layerSlice !== undefined) {
    throw invalid('/layerSlice', 'a layer slice needs a layer');
  }
  return {
    id,
    name: input.name,
    status: input.status,
    ...(input.layer !== undefined && { layer: input.layer }),
    ...(layerSlice !== undefined && { layerSlice }),
    seed: input.seed ?? id,
    trafficPercent: layerSlice === undefined ? trafficPercent : layerSlice.to - layerSlice.from,
    ...(audience !== undefined && { audience }),
    ...(input.startsAt !== undefined && { startsAt: input.startsAt }),
    ...(input.endsAt !== undefined && { endsAt: input.endsAt }),
    metric: input.metric,
    guardrails: [...new Set(input.guardrails ?? [])],
    variants: input.variants,
  };
}

/** Whether an edit changes who gets which variant: refused while the experiment runs. */
export function changesSplit(before: ExperimentDraft, after: ExperimentDraft): boolean {
  const split = (draft: ExperimentDraft) =>
    JSON.stringify(draft.variants.map((variant) => [variant.id, variant.weight, variant.changes]));
  return (
    split(before) !== split(after) ||
    before.seed !== after.seed ||
    before.layer !== after.layer ||
    before.layerSlice?.from !== after.layerSlice?.from ||
    before.layerSlice?.to !== after.layerSlice?.to
  );
}

function checkVariants(variants: readonly ExperimentVariant[], references: ExperimentReferences): void {
  if (variants.length < 2) throw invalid('/variants', 'an experiment has a control and at least one variant');
  const seen = new Set<string>();
  let total = 0;
  variants.forEach((variant, index) => {
    const pointer = `/variants/${index}`;
    if (seen.has(variant.id)) throw invalid(`${pointer}/id`, `variant ${variant.id} appears twice`);
    seen.add(variant.id);
    if (!Number.isInteger(variant.weight) || variant.weight < 0) {
      throw invalid(`${pointer}/weight`, 'a weight is a whole percent, 0 to 100');
    }
    total += variant.weight;
    checkChanges(variant.changes, `${pointer}/changes`, references);
  });
  if (total !== 100) throw invalid('/variants', `the weights sum to ${total}, not 100`);
}

function checkChanges(changes: VariantChanges, pointer: string, references: ExperimentReferences): void {
  for (const [slot, { strategy }] of Object.entries(changes.recommendations ?? {})) {
    if (!references.isStrategy(strategy)) {
      throw invalid(`${pointer}/recommendations/${escape(slot)}/strategy`, `no strategy ${strategy}`);
    }
  }
  for (const [slot, variantId] of Object.entries(changes.content ?? {})) {
    if (!references.hasContent(slot))
      throw invalid(`${pointer}/content/${escape(slot)}`, `no content slot ${slot}`);
    if (!references.hasContent(slot, variantId)) {
      throw invalid(`${pointer}/content/${escape(slot)}`, `content slot ${slot} has no variant ${variantId}`);
    }
  }
  checkToggles(changes.promotions, `${pointer}/promotions`, 'promotion', references.hasPromotion);
  checkToggles(changes.priceLists, `${pointer}/priceLists`, 'price list', references.hasPriceList);
}

function checkToggles(
  toggles: Toggles | undefined,
  pointer: string,
  kind: string,
  exists: (id: string) => boolean,
): void {
  const enabled = new Set(toggles?.enable ?? []);
  for (const field of ['enable', 'disable'] as const) {
    (toggles?.[field] ?? []).forEach((id, index) => {
      if (!exists(id)) throw invalid(`${pointer}/${field}/${index}`, `no ${kind} ${id}`);
      if (field === 'disable' && enabled.has(id)) {
        throw invalid(`${pointer}/${field}/${index}`, `${kind} ${id} is both enabled and disabled`);
      }
    });
  }
}

/** The slice the experiment takes in its layer; refused when it overlaps another live experiment's. */
function sliceIn(
  id: string,
  layer: string,
  input: ExperimentInput,
  width: number,
  others: readonly ExperimentDraft[],
): LayerSlice {
  const taken = others
    .filter((other) => other.id !== id && other.layer === layer && other.status !== 'stopped')
    .flatMap((other) => (other.layerSlice === undefined ? [] : [other.layerSlice]))
    .sort((a, b) => a.from - b.from);
  const given = input.layerSlice;
  if (given !== undefined) {
    if (!(given.from >= 0 && given.from < given.to && given.to <= 100)) {
      throw invalid('/layerSlice', 'a slice runs from 0 ≤ from < to ≤ 100');
    }
    if (input.trafficPercent !== undefined && input.trafficPercent !== given.to - given.from) {
      throw invalid('/trafficPercent', 'in a layer, the traffic is the width of the slice');
    }
    const clash = taken.find((slice) => slice.from < given.to && given.from < slice.to);
    if (clash !== undefined) {
      throw invalid(
        '/layerSlice',
        `layer ${layer} already gives ${clash.from}–${clash.to} to another experiment`,
      );
    }
    return given;
  }
  let from = 0;
  for (const slice of taken) {
    if (slice.from - from >= width) break;
    from = Math.max(from, slice.to);
  }
  if (from + width > 100) {
    throw invalid('/layer', `layer ${layer} has no free ${width} % left for this experiment`);
  }
  return { from, to: from + width };
}

function normalizeAudience(audience: ExperimentAudience | undefined): ExperimentAudience | undefined {
  if (audience === undefined) return undefined;
  const fields = Object.entries(audience).filter(([, values]) => (values as string[]).length > 0);
  if (fields.length === 0) return undefined;
  return Object.fromEntries(
    fields.map(([field, values]) => [
      field,
      field === 'segments' ? values : (values as string[]).map((value) => value.toLowerCase()),
    ]),
  );
}

/** A JSON Pointer token (RFC 6901). */
function escape(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function invalid(pointer: string, detail: string): ExperimentError {
  return new ExperimentError('invalid_experiment', detail, { pointer });
}
