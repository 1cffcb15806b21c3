import { formatMajorUnits } from '../../domain/shared/index.js';
import type { EventIngestion } from '../profiles/event-ingestion.js';

/** One invoice of the demo data: lines as [stockCode, quantity, unit price in pence]. */
export interface DemoInvoice {
  readonly invoice: string;
  readonly customer: string;
  readonly country?: string;
  readonly countryName: string;
  /** ISO 8601, as recorded in 2010–2011. */
  readonly at: string;
  readonly lines: readonly (readonly [string, number, number])[];
}

const EVENTS_PER_SUBMISSION = 500;
const DAY_MS = 86_400_000;
/** The replayed history ends this long before the moment of loading. */
const LAST_ORDER_AGE_MS = 3 * DAY_MS;

/**
 * Replays the demo invoices as a merchant's server would send them: an `identify` per customer (with
 * country) and an `Order Completed` per invoice, cancellations (invoice numbers starting with C) as
 * `Order Refunded`, money in major units as the Segment spec writes it. Times are shifted so the last
 * order is three days before `now`. Message ids are derived from invoice numbers, so an interrupted
 * replay can simply run again.
 */
export async function replayDemoOrders(
  invoices: readonly DemoInvoice[],
  ingestion: EventIngestion,
  now: number,
): Promise<number> {
  const last = Math.max(...invoices.map((invoice) => Date.parse(invoice.at)));
  const shift = now - LAST_ORDER_AGE_MS - last;
  const shifted = (at: string) => new Date(Date.parse(at) + shift).toISOString();
  const identified = new Set<string>();
  let pending: unknown[] = [];
  let sent = 0;
  const flush = async () => {
    const result = await ingestion.submit(pending, { fromServer: true });
    if (result.rejected.length > 0)
      throw new Error(
        `demo replay: ${result.rejected.length} events refused, first: ${JSON.stringify(result.rejected[0])}`,
      );
    sent += pending.length;
    pending = [];
  };
  for (const invoice of invoices) {
    const timestamp = shifted(invoice.at);
    if (!identified.has(invoice.customer)) {
      identified.add(invoice.customer);
      const traits = {
        ...(invoice.country !== undefined && { country: invoice.country }),
        countryName: invoice.countryName,
      };
      pending.push({
        type: 'identify',
        userId: invoice.customer,
        messageId: `demo-identify-${invoice.customer}`,
        timestamp,
        traits,
      });
    }
    pending.push(orderEvent(invoice, timestamp));
    if (pending.length >= EVENTS_PER_SUBMISSION) await flush();
  }
  if (pending.length > 0) await flush();
  return sent;
}

function orderEvent(invoice: DemoInvoice, timestamp: string) {
  const refund = invoice.invoice.startsWith('C');
  const totalPence = invoice.lines.reduce((sum, [, quantity, pence]) => sum + quantity * pence, 0);
  const major = (pence: number) => Number(formatMajorUnits({ amount: pence, currency: 'GBP' }));
  return {
    type: 'track',
    event: refund ? 'Order Refunded' : 'Order Completed',
    userId: invoice.customer,
    messageId: `demo-${refund ? 'refund' : 'order'}-${invoice.invoice}`,
    timestamp,
    context: { channel: 'web' },
    properties: {
      order_id: invoice.invoice,
      total: major(totalPence),
      currency: 'GBP',
      products: invoice.lines.map(([productId, quantity, pence]) => ({
        product_id: productId,
        quantity,
        price: major(pence),
      })),
    },
  };
}
