/**
 * Checks a validity window as written (`startsAt`, `endsAt`, ISO 8601): each instant must be one
 * JavaScript can place (a leap second `…:60Z` passes a date-time format but parses to NaN, and a
 * NaN bound would never start or end), and the window must end after it starts. Answers the pointer
 * and the problem, or undefined when the window is sound.
 */
export function windowProblem(window: {
  readonly startsAt?: string;
  readonly endsAt?: string;
}): { pointer: string; detail: string } | undefined {
  const from = window.startsAt === undefined ? undefined : Date.parse(window.startsAt);
  const to = window.endsAt === undefined ? undefined : Date.parse(window.endsAt);
  if (from !== undefined && Number.isNaN(from))
    return { pointer: '/startsAt', detail: 'startsAt is not an instant (a leap second?)' };
  if (to !== undefined && Number.isNaN(to))
    return { pointer: '/endsAt', detail: 'endsAt is not an instant (a leap second?)' };
  if (from !== undefined && to !== undefined && to <= from)
    return { pointer: '/endsAt', detail: 'endsAt must be after startsAt' };
  return undefined;
}
