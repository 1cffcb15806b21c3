/**
 * Reads kept for the length of one request: keyed by an object that lives as long as the request
 * does (its customer context), then by what was asked. A failed read is not kept: the next ask in
 * the same request tries again.
 */
export class PerRequestReads<Request extends object, Value> {
  readonly #byRequest = new WeakMap<Request, Map<string, Promise<Value>>>();

  of(request: Request, key: string, read: () => Promise<Value>): Promise<Value> {
    let reads = this.#byRequest.get(request);
    if (reads === undefined) this.#byRequest.set(request, (reads = new Map<string, Promise<Value>>()));
    let value = reads.get(key);
    if (value === undefined) {
      value = read();
      reads.set(key, value);
      value.catch(() => reads.delete(key));
    }
    return value;
  }
}
