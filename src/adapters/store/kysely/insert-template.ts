import { CompiledQuery, type Compilable, type DialectAdapter, type Kysely } from 'kysely';

/**
 * A multi-row statement whose SQL depends only on how many rows it writes: fixed columns, a fixed
 * conflict clause, a fixed `returning`. Kysely builds and compiles it once per row count and
 * dialect; later calls bind the rows' values to that text. On the ingestion path, building a
 * batch's statements row by row was a sixth of all the memory allocated per event.
 */
export class InsertTemplate<DB, Row extends object> {
  readonly #texts = new WeakMap<DialectAdapter, Map<number, Compiled>>();

  /**
   * `columns`: every key of a row, in the order `build` writes them (checked against the
   * parameters Kysely compiles, the first time each text is built). Parameters after the rows'
   * (a constant in a conflict clause) must not depend on the rows.
   */
  constructor(
    private readonly columns: readonly (keyof Row & string)[],
    private readonly build: (db: Kysely<DB>, rows: readonly Row[]) => Compilable<unknown>,
  ) {}

  /** Runs the statement for `rows` (at least one) and answers the rows it returns. */
  async execute<Output>(db: Kysely<DB>, rows: readonly Row[]): Promise<Output[]> {
    const parameters: unknown[] = [];
    for (const row of rows) for (const column of this.columns) parameters.push(row[column]);
    const { text, after } = this.#compiled(db, rows, parameters);
    for (const value of after) parameters.push(value);
    const result = await db.executeQuery<Output>(CompiledQuery.raw(text, parameters));
    return result.rows;
  }

  #compiled(db: Kysely<DB>, rows: readonly Row[], parameters: readonly unknown[]): Compiled {
    const adapter = db.getExecutor().adapter;
    let texts = this.#texts.get(adapter);
    if (texts === undefined) {
      texts = new Map();
      this.#texts.set(adapter, texts);
    }
    let compiled = texts.get(rows.length);
    if (compiled === undefined) {
      const { sql, parameters: all } = this.build(db, rows).compile();
      if (all.length < parameters.length || parameters.some((value, index) => !Object.is(value, all[index])))
        throw new Error(
          `InsertTemplate: columns ${this.columns.join(', ')} are not the statement's parameters`,
        );
      compiled = { text: sql, after: all.slice(parameters.length) };
      texts.set(rows.length, compiled);
    }
    return compiled;
  }
}

interface Compiled {
  readonly text: string;
  /** Parameters after the rows' own. */
  readonly after: readonly unknown[];
}
