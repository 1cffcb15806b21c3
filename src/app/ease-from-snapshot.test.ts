import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  inThreadTrainer,
  orderCompleted,
  startApp,
  type AppFixture,
  type AppFixtureOptions,
} from '../../test/support/app-fixture.js';
import { shop } from '../../test/support/restart-shop.js';
import {
  CoPurchaseCounts,
  CustomerHistories,
  type EaseTrainingSet,
  type EaseWeights,
  type StateRecord,
} from '../domain/recommendations/index.js';
import type { ModelTrainer } from '../ports/model-trainer.js';
import { snapshotId } from '../ports/snapshot-store.js';
import { trainEase } from './recommendations/ease-training.js';
import { decodeState, encodeState } from './recommendations/snapshot-codec.js';
import { StoredHistories } from './recommendations/stored-histories.js';

const opened: AppFixture[] = [];
afterEach(async () => {
  for (const node of opened.splice(0).reverse()) await node.close();
});

/** A trainer in this thread that remembers what each training was given. */
function recordingTrainer(): { trainer: ModelTrainer; given: ('counts' | 'rows')[] } {
  const given: ('counts' | 'rows')[] = [];
  return {
    given,
    trainer: {
      trainEase: (set: EaseTrainingSet, lambda: number) => {
        given.push('counts' in set ? 'counts' : 'rows');
        return inThreadTrainer.trainEase(set, lambda);
      },
    },
  };
}

/** The nodes of one shop, on one SQLite store. */
function shopNodes(): (options?: AppFixtureOptions) => Promise<AppFixture> {
  let first: AppFixture | undefined;
  return async (options = {}) => {
    const node = await startApp({
      ...options,
      config: { snapshots: true, ...options.config },
      ...(first !== undefined && { sharedWith: first }),
    });
    first ??= node;
    opened.push(node);
    return node;
  };
}

/** A shop, a snapshot of it, and orders after the snapshot (a returning customer, an order seen twice). */
async function shopWithSnapshot(node: AppFixture): Promise<string> {
  await shop(node);
  await node.track(orderCompleted('u5', 'o8', ['c', 'f', 'd']), orderCompleted('u1', 'o9', ['d', 'c']));
  const snapshot = await node.recommendations.writeSnapshot();
  if (snapshot === undefined) throw new Error('no snapshot was written');
  await node.track(
    orderCompleted('u3', 'o10', ['e', 'a', 'd']),
    { ...orderCompleted('u4', 'o5', ['e', 'f', 'a']), messageId: 'again-o5' },
    orderCompleted('u6', 'o11', ['b', 'f']),
  );
  return snapshot.id;
}

/** EASE trained from every customer's purchases read back from the log, as a node without counts does. */
async function easeFromTheLog(node: AppFixture): Promise<EaseWeights | undefined> {
  const notHeld = new CustomerHistories();
  notHeld.complete = false;
  const counts = new CoPurchaseCounts();
  counts.exact = false;
  const ease = await trainEase(
    { customers: notHeld, coPurchases: counts },
    {
      store: node.store,
      histories: new StoredHistories({ store: node.store, isKnown: () => true }),
      trainer: inThreadTrainer,
      settings: { denseItems: node.config.recsDenseItems, easeLambda: node.config.recsEaseLambda },
    },
  );
  return ease?.trained;
}

async function easeOf(node: AppFixture): Promise<EaseWeights> {
  await vi.waitFor(() => expect(node.recommendations.models.ease).toBeDefined());
  return node.recommendations.models.ease?.trained as EaseWeights;
}

describe('EASE after a start from a snapshot', () => {
  it.each([
    ['as this node writes it', (_: AppFixture, written: string) => Promise.resolve(written)],
    [
      'of format 3, whose pairs name the items after each',
      (node: AppFixture) => olderSnapshot(node, { format: 3, rewrite: namedPairs }),
    ],
  ])(
    'is trained from the co-purchase counts of a snapshot %s, not the log, and is the model the whole log trains',
    async (_, snapshotOf) => {
      const start = shopNodes();
      const first = await start();
      const snapshot = await snapshotOf(first, await shopWithSnapshot(first));
      const { trainer, given } = recordingTrainer();

      const restarted = await start({ trainer });
      expect(restarted.recommendations.snapshotStatus().started?.snapshot).toBe(snapshot);
      const ease = await easeOf(restarted);
      expect(given).toEqual(['counts']);
      const expected = await easeFromTheLog(restarted);
      expect(expected?.items.length).toBeGreaterThan(3);
      expect(ease.items).toEqual(expected?.items);
      expect(ease.weights).toEqual(expected?.weights);
    },
  );

  it('is trained from the log after an older snapshot, which holds no counts, still loads', async () => {
    const start = shopNodes();
    const first = await start();
    await shopWithSnapshot(first);
    const older = await olderSnapshot(first, { rewrite: withoutCounts });
    const { trainer, given } = recordingTrainer();

    const restarted = await start({ trainer });
    const status = restarted.recommendations.snapshotStatus();
    expect(status.started?.snapshot).toBe(older);
    expect(status.rejected).toEqual([]);
    const ease = await easeOf(restarted);
    expect(given).toEqual(['rows']);
    expect(ease).toEqual(await easeFromTheLog(restarted));
  });

  it('keeps no counts after a format-1 snapshot that had given them up, and is trained from the log', async () => {
    const start = shopNodes();
    const first = await start();
    await shopWithSnapshot(first);
    const older = await olderSnapshot(first, { format: 1, rewrite: countsGivenUp });
    const { trainer, given } = recordingTrainer();

    const restarted = await start({ trainer });
    expect(restarted.recommendations.snapshotStatus().started?.snapshot).toBe(older);
    const ease = await easeOf(restarted);
    expect(given).toEqual(['rows']);
    expect(ease).toEqual(await easeFromTheLog(restarted));
    // Counted from the snapshot on, the items bought before it would have had no buyers.
    expect(restarted.recommendations.coPurchaseStatus()).toEqual({ state: 'none', pairs: 0 });
    await restarted.track(orderCompleted('u7', 'o12', ['a', 'b', 'c']));
    expect(restarted.recommendations.coPurchaseStatus()).toEqual({ state: 'none', pairs: 0 });
    await restarted.recommendations.rebuild();
    expect(restarted.recommendations.coPurchaseStatus()).toMatchObject({ state: 'exact' });
    expect(restarted.recommendations.coPurchaseStatus().pairs).toBeGreaterThan(3);
  });
});

/** Format 3's `q` records for the `r` records among `records`: each item's pairs with the items after it, by name. */
function namedPairs(records: StateRecord[]): StateRecord[] {
  const counts = records.filter(([tag]) => tag === 'r') as ['r', string, number, number[], boolean, number][];
  const names = counts.map(([, item]) => item);
  const later = names.map((): [string, number][] => []);
  for (const [higher, [, , , pairs]] of counts.entries())
    for (let at = 0; at < pairs.length; at += 2)
      later[pairs[at] as number]?.push([names[higher] as string, pairs[at + 1] as number]);
  return records.map((record) => {
    if (record[0] !== 'r') return record;
    const [, item, buyers, , followed, bornAt] = record;
    return ['q', item, buyers, later[names.indexOf(item as string)], followed, bornAt];
  });
}

/** Format 1's records of counts given up: `e` false, and no counts. */
const countsGivenUp = (records: StateRecord[]) =>
  records.flatMap((record) => (record[0] === 'e' ? [['e', false]] : withoutCounts([record])));

/** The newest snapshot's records without the co-purchase counts (`e`, `q` and `r`), as a node before them wrote it. */
const withoutCounts = (records: StateRecord[]) =>
  records.filter(([tag]) => !['e', 'q', 'r'].includes(tag as string));

/** The newest snapshot again, newer, as an older node wrote it: in `format`, its records rewritten. */
async function olderSnapshot(
  node: AppFixture,
  as: { format?: number; rewrite: (records: StateRecord[]) => StateRecord[] },
): Promise<string> {
  const { store } = node;
  const [latest] = await store.latestSnapshots(1);
  if (latest === undefined) throw new Error('no snapshot');
  const read: StateRecord[] = [];
  const stored = await store.snapshotParts(latest.id, 0, latest.parts);
  async function* parts() {
    yield* stored;
  }
  await decodeState(parts(), (record) => read.push(record));
  const records = as.rewrite(read);
  const encoded = await encodeState(records);
  const createdAt = latest.createdAt + 1_000;
  const id = snapshotId(createdAt, 'older-format');
  for (const [index, part] of encoded.parts.entries()) await store.putSnapshotPart(id, index, part);
  const meta = { ...(JSON.parse(latest.meta) as Record<string, unknown>), records: encoded.records };
  await store.commitSnapshot({
    id,
    format: as.format ?? latest.format,
    createdAt,
    parts: encoded.parts.length,
    bytes: encoded.bytes,
    meta: JSON.stringify(meta),
  });
  return id;
}
