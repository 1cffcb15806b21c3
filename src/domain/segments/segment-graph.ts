/**
 * A cycle in the "segment uses segment" graph, as the list of ids around it, or undefined. Segments
 * may build on others, never on themselves however indirectly.
 */
export function findCycle(
  uses: ReadonlyMap<string, ReadonlySet<string>>,
  startAt?: string,
): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of uses.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  // Starting from the segment being written reports the cycle as seen from it.
  for (const id of startAt === undefined ? uses.keys() : [startAt, ...uses.keys()]) {
    const cycle = visit(id);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}
