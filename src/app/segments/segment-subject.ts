import type { Profile, ProfileView } from '../../domain/profiles/index.js';
import type { Subject } from '../../domain/segments/index.js';

export interface SubjectOptions {
  /** A profile's computed fields as `GET /v1/profiles` shows them: worked out only if a rule reads one. */
  readonly computed: (profile: Profile, now: number) => ProfileView['computed'];
  readonly isMember: (segmentId: string) => boolean;
  /** Epoch ms. */
  readonly now: number;
  /** The request's context, for contextual segments; absent when evaluating stored membership. */
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * A customer as segment rules read them: `traits.*`, `computed.*` and `loyalty.*` paths, their
 * activity in time windows, their other segments and, at decision time, the request's context. With
 * no profile (a visitor, or a customer who did not consent) every path reads as absent.
 */
export function segmentSubject(profile: Profile | undefined, options: SubjectOptions): Subject {
  let computed: ProfileView['computed'] | undefined;
  const roots = new Map<string, () => unknown>(
    profile === undefined
      ? []
      : [
          ['traits', () => profile.traits],
          ['computed', () => (computed ??= options.computed(profile, options.now))],
          ['loyalty', () => ({ points: profile.loyalty.points, tier: profile.loyalty.tier })],
        ],
  );
  return {
    read: (path) => {
      const keys = splitPath(path);
      let value = roots.get(keys[0] as string)?.();
      // An index loop: a rest pattern made an array on every read, and rules read all day.
      for (let index = 1; index < keys.length; index += 1) {
        const key = keys[index] as string;
        // Own fields only: `computed.toString` or `traits.constructor` name absent fields, not Object's.
        if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return value;
    },
    activity: profile?.activity ?? {},
    ...(options.context !== undefined && { context: options.context }),
    isMember: options.isMember,
    now: options.now,
  };
}

const splitPaths = new Map<string, readonly string[]>();

/** `computed.lifetimeValue.GBP` → its segments, split once: rules read the same few paths all day. */
function splitPath(path: string): readonly string[] {
  let segments = splitPaths.get(path);
  if (segments === undefined) {
    segments = path.split('.');
    if (splitPaths.size < 10_000) splitPaths.set(path, segments);
  }
  return segments;
}
