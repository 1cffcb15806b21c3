const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Windows up to ten years. */
const MAX_WINDOW_MS = 3650 * 86_400_000;

/** A rule's or program's window, `30d` → milliseconds; undefined for anything that is not a positive whole number of s, m, h, d or w. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})([smhdw])$/.exec(text);
  if (match === null) return undefined;
  const milliseconds = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return milliseconds > 0 && milliseconds <= MAX_WINDOW_MS ? milliseconds : undefined;
}
