import { windowProblem } from '../shared/index.js';
import { ContentError } from './errors.js';

/** Who a variant is for. Every non-empty field must match; within a field any value may. */
export interface ContentAudience {
  readonly segments?: readonly string[];
  readonly loyaltyTiers?: readonly string[];
  readonly countries?: readonly string[];
  readonly devices?: readonly string[];
  readonly channels?: readonly string[];
  /** The storefront's page types (`home`, `category`, `product`, `cart`, ...). */
  readonly pageTypes?: readonly string[];
}

/** One thing a slot can show: a banner, a featured collection, any JSON the storefront renders. */
export interface ContentVariant {
  readonly id: string;
  readonly audience?: ContentAudience;
  /** Higher wins among the variants that apply. Default 0. */
  readonly priority: number;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly payload: unknown;
}

export interface ContentSlotInput {
  readonly variants: readonly (Omit<ContentVariant, 'priority'> & { readonly priority?: number })[];
}

export interface ContentSlotDraft {
  readonly id: string;
  readonly variants: readonly ContentVariant[];
}

export interface ContentSlot extends ContentSlotDraft {
  readonly version: number;
  readonly updatedAt: string;
}

/**
 * Validates a slot: variant ids are unique, schedules are sound, and one variant is for everyone
 * at all times (no audience, no schedule), so the slot always has something to show.
 * Audience values compare case-insensitively, so they are stored lower-case.
 * @throws DomainError `invalid_content_slot` with the pointer of the field at fault.
 */
export function draftContentSlot(id: string, input: ContentSlotInput): ContentSlotDraft {
  const seen = new Set<string>();
  const variants = input.variants.map((variant, index): ContentVariant => {
    if (seen.has(variant.id)) throw invalid(`/variants/${index}/id`, `variant ${variant.id} appears twice`);
    seen.add(variant.id);
    const window = windowProblem(variant);
    if (window !== undefined) throw invalid(`/variants/${index}${window.pointer}`, window.detail);
    const audience = normalizeAudience(variant.audience);
    return {
      id: variant.id,
      priority: variant.priority ?? 0,
      ...(audience !== undefined && { audience }),
      ...(variant.startsAt !== undefined && { startsAt: variant.startsAt }),
      ...(variant.endsAt !== undefined && { endsAt: variant.endsAt }),
      payload: variant.payload,
    };
  });
  if (!variants.some(isDefault)) {
    throw invalid(
      '/variants',
      'one variant must be for everyone at all times (no audience, no startsAt or endsAt): the default',
    );
  }
  return { id, variants };
}

/** For everyone, at all times. */
export function isDefault(variant: ContentVariant): boolean {
  return variant.audience === undefined && variant.startsAt === undefined && variant.endsAt === undefined;
}

function normalizeAudience(audience: ContentAudience | undefined): ContentAudience | undefined {
  if (audience === undefined) return undefined;
  const fields = Object.entries(audience).filter(([, values]) => (values as string[]).length > 0);
  if (fields.length === 0) return undefined;
  return Object.fromEntries(
    fields.map(([field, values]) => [field, (values as string[]).map((value) => value.toLowerCase())]),
  );
}

function invalid(pointer: string, detail: string): ContentError {
  return new ContentError('invalid_content_slot', detail, { pointer });
}
