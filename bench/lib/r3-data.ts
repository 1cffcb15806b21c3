import { onlineRetailSessions, type RetailSession } from './retail-data.js';

const SPLIT = Date.parse('2011-11-01T00:00:00Z');

/** R3's split: sessions before and from 1 November 2011, the products the train part knows. */
export interface R3Data {
  readonly train: readonly RetailSession[];
  readonly test: readonly RetailSession[];
  readonly titles: ReadonlyMap<string, string>;
  /** Products seen in train: a prediction counts when the next product is one of them. */
  readonly known: ReadonlySet<string>;
}

/** The split, with every `sample`-th test session (1: all of them). */
export function r3Data(sample = 1): R3Data {
  const { sessions, titles } = onlineRetailSessions();
  const train = sessions.filter((session) => session.at < SPLIT);
  const test = sessions.filter((session, index) => session.at >= SPLIT && index % sample === 0);
  return { train, test, titles, known: new Set(train.flatMap((session) => session.products)) };
}

/** HR@10 and MRR@10 over next-item predictions. */
export class NextItemScore {
  #hits = 0;
  #reciprocal = 0;
  #predictions = 0;

  add(recommended: readonly string[], next: string): void {
    const rank = recommended.slice(0, 10).indexOf(next);
    this.#predictions += 1;
    if (rank === -1) return;
    this.#hits += 1;
    this.#reciprocal += 1 / (rank + 1);
  }

  get result(): { hr: number; mrr: number; predictions: number } {
    const n = Math.max(1, this.#predictions);
    return { hr: this.#hits / n, mrr: this.#reciprocal / n, predictions: this.#predictions };
  }
}

/** Both ways of R3 for one run. */
export interface R3Run {
  readonly itemToItem: NextItemScore['result'];
  readonly forYou: NextItemScore['result'];
}
