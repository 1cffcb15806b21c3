import type { ServerResponse } from 'node:http';
import type { StreamClient, StreamMessage } from '../../app/live/live-updates.js';

/** A browser that reads slower than this much unsent data is dropped; EventSource reconnects and resumes. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How long a browser waits before reconnecting, told once per connection. */
const RETRY_MS = 3_000;

/**
 * One Server-Sent Events connection (the WHATWG event-stream format). Messages sent before the
 * response starts are held, so a stream can be opened (and refused with a problem) before any
 * header is written.
 */
export class SseConnection implements StreamClient {
  #held: string[] | undefined = [];
  #ended = false;

  constructor(private readonly response: ServerResponse) {}

  /** Writes the headers and whatever was sent so far. */
  start(requestId: string): void {
    this.response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx otherwise buffer the stream and nothing arrives live.
      'x-accel-buffering': 'no',
      'x-request-id': requestId,
    });
    const held = this.#held ?? [];
    this.#held = undefined;
    this.#write(`retry: ${RETRY_MS}\n\n${held.join('')}`);
  }

  send(message: StreamMessage): void {
    // JSON.stringify never emits a raw newline, so the data is always one `data:` line.
    const frame = `id: ${message.id}\nevent: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`;
    if (this.#held !== undefined) this.#held.push(frame);
    else this.#write(frame);
  }

  heartbeat(): void {
    if (this.#held === undefined) this.#write(': heartbeat\n\n');
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.response.end();
  }

  #write(text: string): void {
    if (this.#ended || this.response.destroyed) return;
    this.response.write(text);
    if (this.response.writableLength > MAX_BUFFERED_BYTES) this.response.destroy();
  }
}
