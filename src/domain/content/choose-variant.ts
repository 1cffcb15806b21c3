import type { ContentAudience, ContentSlot, ContentVariant } from './slot.js';

/** What a variant's audience is compared with: the viewer and the page, as the request says. */
export interface ContentViewer {
  readonly segments: ReadonlySet<string>;
  readonly loyaltyTier?: string;
  /** Lower-case, like the audience values they are compared with. */
  readonly country?: string;
  readonly device?: string;
  readonly channel?: string;
  readonly pageType?: string;
}

export interface ChosenContent {
  readonly variant: ContentVariant;
  /** Why this one: `default`, or what matched (`segment vip`, `country fr`). */
  readonly reason: string;
}

/**
 * The variant a viewer sees now: among those whose audience matches and whose schedule is open,
 * the highest priority; at equal priority the more specific (each audience field counts one, a
 * schedule one, so a scheduled campaign for everyone beats the always-on default), then the
 * earlier in the slot. The default (for everyone, always) guarantees an answer.
 */
export function chooseVariant(slot: ContentSlot, viewer: ContentViewer, now: number): ChosenContent {
  let best: { variant: ContentVariant; specificity: number; reason: string } | undefined;
  for (const variant of slot.variants) {
    if (!isOpen(variant, now)) continue;
    const matched = matchAudience(variant.audience, viewer);
    if (matched === undefined) continue;
    const scheduled = variant.startsAt !== undefined || variant.endsAt !== undefined;
    const specificity = Object.keys(variant.audience ?? {}).length + (scheduled ? 1 : 0);
    if (
      best === undefined ||
      variant.priority > best.variant.priority ||
      (variant.priority === best.variant.priority && specificity > best.specificity)
    ) {
      const reasons = [...matched, ...(scheduled ? ['scheduled'] : [])];
      best = { variant, specificity, reason: reasons.length === 0 ? 'default' : reasons.join(', ') };
    }
  }
  // A slot always has a default; should a stored one not, its first variant stands in.
  return best === undefined
    ? { variant: slot.variants[0] as ContentVariant, reason: 'default' }
    : { variant: best.variant, reason: best.reason };
}

function isOpen(variant: ContentVariant, now: number): boolean {
  return (
    (variant.startsAt === undefined || Date.parse(variant.startsAt) <= now) &&
    (variant.endsAt === undefined || now < Date.parse(variant.endsAt))
  );
}

/** What matched (empty for everyone), or undefined when the viewer is not in the audience. */
function matchAudience(audience: ContentAudience | undefined, viewer: ContentViewer): string[] | undefined {
  if (audience === undefined) return [];
  const matched: string[] = [];
  const check = (values: readonly string[] | undefined, label: string, has: (value: string) => boolean) => {
    if (values === undefined) return true;
    const hit = values.find(has);
    if (hit === undefined) return false;
    matched.push(`${label} ${hit}`);
    return true;
  };
  const equals = (actual: string | undefined) => (value: string) => actual?.toLowerCase() === value;
  const inSegments = new Set([...viewer.segments].map((segment) => segment.toLowerCase()));
  const ok =
    check(audience.segments, 'segment', (value) => inSegments.has(value)) &&
    check(audience.loyaltyTiers, 'tier', equals(viewer.loyaltyTier)) &&
    check(audience.countries, 'country', equals(viewer.country)) &&
    check(audience.devices, 'device', equals(viewer.device)) &&
    check(audience.channels, 'channel', equals(viewer.channel)) &&
    check(audience.pageTypes, 'page', equals(viewer.pageType));
  return ok ? matched : undefined;
}
