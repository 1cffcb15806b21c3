/**
 * The live event view, like Segment's debugger: the events this node stores as they arrive, over
 * `GET /v1/events/live` (Server-Sent Events; the browser's EventSource sends the session cookie).
 */
import { useEffect, useState } from 'preact/hooks';
import { Json, Page, when } from '../ui.js';

interface LiveEvent {
  readonly messageId: string;
  readonly type: string;
  readonly event?: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly timestamp: string;
  readonly receivedAt: string;
  readonly properties: Record<string, unknown>;
  readonly traits: Record<string, unknown>;
}

/** The page shows this many, newest first. */
const SHOWN = 100;

export function LiveEventsPage() {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [state, setState] = useState<'connecting' | 'live' | 'reconnecting'>('connecting');
  const [paused, setPaused] = useState(false);
  const [open, setOpen] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (paused) return;
    const source = new EventSource('/v1/events/live');
    source.onopen = () => setState('live');
    // EventSource reconnects by itself; a reconnection starts again from the node's last events.
    source.onerror = () => setState('reconnecting');
    source.addEventListener('event', (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveEvent;
      setEvents((old) =>
        [event, ...old.filter((kept) => kept.messageId !== event.messageId)].slice(0, SHOWN),
      );
    });
    return () => source.close();
  }, [paused]);

  return (
    <Page title="Live events">
      <p>
        <span role="status" data-test="live-state" data-state={paused ? 'paused' : state}>
          {paused
            ? 'Paused'
            : state === 'live'
              ? 'Live'
              : state === 'connecting'
                ? 'Connecting…'
                : 'Reconnecting…'}
          {' · '}
          {events.length} events
        </span>{' '}
        <button type="button" onClick={() => setPaused(!paused)}>
          {paused ? 'Resume' : 'Pause'}
        </button>
      </p>
      <p class="note">The events this node stored, newest first (each node shows those it ingested).</p>
      <table data-test="live-events">
        <caption>Last events</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Type</th>
            <th scope="col">Event</th>
            <th scope="col">Who</th>
            <th scope="col">
              <span class="visually-hidden">Payload</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 && (
            <tr>
              <td colSpan={5}>Waiting for events…</td>
            </tr>
          )}
          {events.map((event) => (
            <tr key={event.messageId} data-message-id={event.messageId}>
              <td>{when(event.receivedAt)}</td>
              <td>{event.type}</td>
              <td>{event.event ?? '—'}</td>
              <td>{event.userId ?? event.anonymousId ?? '—'}</td>
              <td>
                <button
                  type="button"
                  aria-expanded={open === event.messageId}
                  onClick={() => setOpen(open === event.messageId ? undefined : event.messageId)}
                  aria-label={`Payload of ${event.type} ${event.event ?? ''} ${event.messageId}`}
                >
                  Payload
                </button>
                {open === event.messageId && (
                  <Json
                    value={{ properties: event.properties, traits: event.traits }}
                    label={`Payload of ${event.messageId}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
