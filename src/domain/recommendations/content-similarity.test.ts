import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentSimilarity, type DescribedProduct } from './content-similarity.js';

const WORDS = ['oak', 'steel', 'lamp', 'desk', 'chair', 'linen', 'mug', 'the', 'x1'];
const CATEGORIES = ['home', 'home/kitchen', 'home/lighting', 'garden', 'garden/tools'];

const product = (id: number) =>
  fc.record(
    {
      id: fc.constant(`p${id}`),
      title: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((words) => words.join(' ')),
      categories: fc.subarray(CATEGORIES, { maxLength: 2 }),
      brand: fc.constantFrom('Acme', 'Borg'),
      attributes: fc.dictionary(fc.constantFrom('colour', 'size'), fc.constantFrom('red', 'blue', 'L')),
    },
    { requiredKeys: ['id', 'title', 'categories', 'attributes'] },
  );

/** A batch of catalogue writes: products put (new or changed) and ids removed, ids under `ids`. */
const batchOf = (ids: number, puts: number) =>
  fc.record({
    put: fc.array(
      fc.integer({ min: 0, max: ids - 1 }).chain((id) => product(id)),
      { maxLength: puts },
    ),
    remove: fc.array(
      fc.integer({ min: 0, max: ids - 1 }).map((id) => `p${id}`),
      { maxLength: 3 },
    ),
  });
const batch = batchOf(26, 8);
/** Enough products that a brand's posting outgrows those copied at their exact length (32). */
const largeBatch = batchOf(100, 40);

/** What the model answers for every product: its similar products and its informativeness. */
function answers(model: ContentSimilarity, ids: Iterable<string>) {
  return [...ids].map((id) => [id, model.similar(id, 10), model.informativeness(id)]);
}

describe('ContentSimilarity', () => {
  it.each([
    ['a small catalogue', batch, 300],
    ['a catalogue with long postings', largeBatch, 40],
  ])('answers after updates exactly as a model built afresh from %s', (_, batches, numRuns) => {
    fc.assert(
      fc.property(fc.array(batches, { maxLength: 6 }), fc.constantFrom(3, 5_000), (batches, maxScanned) => {
        // The catalogue keeps products in the order first put, as Catalog's map does.
        const catalogue = new Map<string, DescribedProduct>();
        // A bound of 3 candidates makes the order of the postings count, as 5,000 does in a large catalogue.
        const model = ContentSimilarity.of([], maxScanned);
        for (const { put, remove: named } of batches) {
          // A product removed and put again within one update would keep its place in the model but
          // not in the catalogue (see ModelRebuilds): each batch removes only what it does not put.
          const remove = named.filter((id) => !put.some((each) => each.id === id));
          for (const id of remove) catalogue.delete(id);
          for (const each of put) catalogue.set(each.id, each);
          const changed = [...new Set(put.map(({ id }) => id))].flatMap((id) => catalogue.get(id) ?? []);
          model.update(changed, remove);
          // Read between batches too, so answers weighed before a change must not outlive it.
          expect(answers(model, catalogue.keys())).toEqual(
            answers(ContentSimilarity.of(catalogue.values(), maxScanned), catalogue.keys()),
          );
        }
        expect(model.size).toBe(catalogue.size);
      }),
      { numRuns },
    );
  });

  it('answers from its kept lists, at any limit, in any order of reads and past their bound, as a model that kept none', () => {
    const catalogue = fc.uniqueArray(
      fc.integer({ min: 0, max: 25 }).chain((id) => product(id)),
      { selector: (each) => each.id, minLength: 1, maxLength: 26 },
    );
    const reads = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 60 })), { maxLength: 30 });
    // Kept lists bounded to 1–3, or not reached: a read evicts the least recently read.
    const keptAtMost = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(undefined));
    fc.assert(
      fc.property(catalogue, reads, keptAtMost, (products, list, kept) => {
        const model = ContentSimilarity.of(products, undefined, kept);
        for (const [index, limit] of list) {
          const id = (products[index % products.length] as DescribedProduct).id;
          expect(model.similar(id, limit)).toEqual(ContentSimilarity.of(products).similar(id, limit));
          if (kept !== undefined) expect(model.cachedLists).toBeLessThanOrEqual(kept);
        }
      }),
    );
  });

  it('changes nothing when a product is described again with the same tokens', () => {
    const lamp = { id: 'lamp', title: 'Oak lamp', categories: ['home'], attributes: {} };
    const desk = { id: 'desk', title: 'Oak desk', categories: ['home'], attributes: {} };
    const model = ContentSimilarity.of([lamp, desk]);
    const before = model.similar('lamp', 5);
    model.update([{ ...lamp, title: 'OAK LAMP' }]);
    expect(model.similar('lamp', 5)).toEqual(before);
    model.update([{ ...desk, title: 'Steel desk' }]);
    const [[id, cosine] = ['', 1]] = model.similar('lamp', 5);
    expect(id).toBe('desk');
    expect(cosine).toBeLessThan(before[0]?.[1] ?? 0);
  });

  it('finds every product that shares a token, in the order they were described, however many hold it', () => {
    const products = Array.from({ length: 70 }, (_, index) => ({
      id: `p${index}`,
      title: `model${index}`,
      categories: [],
      brand: 'Acme',
      attributes: {},
    }));
    const similar = ContentSimilarity.of(products).similar('p69', 100);
    // All alike: equal cosines, in the order of their ids.
    expect(similar.map(([id]) => id)).toEqual(
      products
        .slice(0, 69)
        .map(({ id }) => id)
        .sort(),
    );
    // Scanning three candidates reads the brand's first three holders: postings keep their order.
    const bounded = ContentSimilarity.of(products, 3).similar('p69', 100);
    expect(bounded.map(([id]) => id)).toEqual(['p0', 'p1', 'p2']);
  });
});
