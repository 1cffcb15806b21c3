/** One Server-Sent Events frame as a browser's EventSource would see it, or a comment line. */
export interface SseFrame {
  readonly id?: string;
  readonly event?: string;
  readonly data?: unknown;
  readonly comment?: string;
}

/**
 * A minimal EventSource for tests: opens the stream with fetch and hands out frames in order.
 * Tests wait for the frame they expect with `next`, which fails after `timeoutMs` instead of hanging.
 */
export class SseClient {
  readonly #frames: SseFrame[] = [];
  readonly #waiting: (() => void)[] = [];
  readonly #controller = new AbortController();
  status = 0;
  contentType = '';
  body = '';

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers, signal: client.#controller.signal });
    client.status = response.status;
    client.contentType = response.headers.get('content-type') ?? '';
    if (!client.contentType.startsWith('text/event-stream')) {
      client.body = await response.text();
      return client;
    }
    void client.#read(response.body as ReadableStream<Uint8Array>).catch(() => undefined);
    return client;
  }

  /** The next frame that satisfies `wanted`, skipping others. */
  async next(wanted: (frame: SseFrame) => boolean = () => true, timeoutMs = 5_000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.#frames.findIndex(wanted);
      if (index >= 0) return this.#frames.splice(0, index + 1)[index] as SseFrame;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching frame within ${timeoutMs} ms; saw ${JSON.stringify(this.#frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Frames received and not yet taken by `next`. */
  get pending(): readonly SseFrame[] {
    return this.#frames;
  }

  close(): void {
    this.#controller.abort();
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        this.#accept(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  }

  #accept(block: string): void {
    const frame: { id?: string; event?: string; data?: unknown; comment?: string } = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) frame.comment = line.slice(1).trim();
      else if (line.startsWith('id: ')) frame.id = line.slice(4);
      else if (line.startsWith('event: ')) frame.event = line.slice(7);
      else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6));
    }
    // The `retry:` line alone is not a frame a page sees.
    if (Object.keys(frame).length === 0) return;
    this.#frames.push(frame);
    for (const wake of this.#waiting.splice(0)) wake();
  }
}
