/**
 * `list` with `item` after it, for lists kept by the hundred thousand, most of them short. A push
 * makes V8 reserve 16 slots more and half the length again (a list of one holds 17), so a list
 * shorter than `copiedBelow` is copied to its exact length instead (`concat` keeps numbers unboxed);
 * a longer one is pushed onto in place and returned, since copying it again and again would cost
 * more than the slots it saves. `list` may be a frozen empty list while it is short.
 */
export function appended<T>(list: readonly T[], item: T, copiedBelow: number): T[] {
  if (list.length < copiedBelow) return list.concat([item]);
  const grown = list as T[];
  grown.push(item);
  return grown;
}
