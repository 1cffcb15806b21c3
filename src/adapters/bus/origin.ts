/** The `origin` a payload names, if it names one (node topics do; a test's own topics may not). */
export function originOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null
    ? (payload as { origin?: unknown }).origin
    : undefined;
}
