import { randomUUID } from 'node:crypto';
import type { PageChange } from '../../domain/live/index.js';

/** One message on the wire: its id lets a reconnecting browser resume after it (`Last-Event-ID`). */
export interface StreamMessage {
  readonly id: string;
  /** `event`: the live event view's frames (`GET /v1/events/live`), which share the SSE writer. */
  readonly event: PageChange['type'] | 'ready' | 'resync' | 'event';
  readonly data: unknown;
}

/** An open connection, as the HTTP edge writes to it. */
export interface StreamClient {
  send(message: StreamMessage): void;
  heartbeat(): void;
  end(): void;
}

/** Changes kept per watch for reconnecting browsers. */
const REPLAYABLE = 100;

/**
 * The messages one watched page has pushed, numbered, the latest kept, so a browser that reconnects
 * with the id of the last message it saw gets what it missed, and one this node cannot continue
 * (an id from an earlier watch, another node, or too long ago) is told to fetch the page again.
 * Ids are `<instance>.<seq>`.
 */
export class ReplayLog {
  /** Differs per watch, so an id from an earlier watch (or another node) is never taken for this one's. */
  readonly #instance = randomUUID().slice(0, 8);
  #seq = 0;
  readonly #recent: { readonly seq: number; readonly message: StreamMessage }[] = [];

  /** Numbers a change as the next message and keeps it for replay. */
  append(change: PageChange): StreamMessage {
    this.#seq += 1;
    const message: StreamMessage = { id: this.#idOf(this.#seq), event: change.type, data: change.data };
    this.#recent.push({ seq: this.#seq, message });
    if (this.#recent.length > REPLAYABLE) this.#recent.shift();
    return message;
  }

  /**
   * What a connecting browser is sent first: `ready` (with `ready()`'s data) for a new stream, what
   * it missed after `lastEventId`, or `resync` when that id cannot be continued from here.
   */
  greeting(lastEventId: string | undefined, ready: () => unknown): StreamMessage[] {
    const current = this.#idOf(this.#seq);
    if (lastEventId === undefined || lastEventId === '') {
      return [{ id: current, event: 'ready', data: ready() }];
    }
    const [instance, seqText] = lastEventId.split('.');
    const seen = Number(seqText);
    const oldest = this.#recent[0]?.seq ?? this.#seq + 1;
    const resumable =
      instance === this.#instance && Number.isInteger(seen) && seen <= this.#seq && seen >= oldest - 1;
    if (!resumable) {
      return [{ id: current, event: 'resync', data: { reason: 'missed changes; fetch the page again' } }];
    }
    return this.#recent.filter(({ seq }) => seq > seen).map(({ message }) => message);
  }

  #idOf(seq: number): string {
    return `${this.#instance}.${seq}`;
  }
}
