import { parse, protocol, type PGlite, type Results, type Transaction } from "@electric-sql/pglite";

type Parsers = Record<number, (value: string, typeId?: number) => unknown>;
export type StatementOptions = { rowMode?: "array" | "object"; parsers?: Parsers };

interface Statement {
  name: string;
  paramTypes: number[];
  /** The statement's RowDescription (absent when it returns no rows), put before each run's rows. */
  rowDescription?: ReturnType<typeof describeRows>;
}

const { serialize } = protocol;
/** PostgreSQL's answer to a kept statement whose result columns changed under it (DDL). */
const resultTypeChanged = (e: unknown) =>
  (e as { code?: string }).code === "0A000" && /cached plan must not change result type/.test((e as Error).message);

function describeRows(messages: { name: string }[]) {
  return messages.find((m) => m.name === "rowDescription");
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Named prepared statements for PGlite. Its `query()` parses and plans every statement anew and
 * talks to the WebAssembly backend six times (parse, describe, bind, describe, execute, sync):
 * a one-row select by key cost ~500 µs. Here each distinct SQL text with parameters is parsed
 * once (kept for the `max` most recently used texts) and then runs as one bind-execute-sync
 * message: the same select, ~75 µs. Results, parsers and errors are PGlite's own (its exported
 * protocol and parse helpers). Statements without parameters (DDL, migrations) are left to
 * PGlite's `query()`.
 */
export function namedStatements(pg: PGlite, max = 256) {
  const cache = new Map<string, Statement>();
  const retired: string[] = [];
  let next = 1;

  /** Whatever was evicted is closed in the same round trip as the next statement. */
  const closing = () => retired.splice(0).map((name) => serialize.close({ type: "S", name }));

  async function prepare(sql: string): Promise<Statement> {
    const name = `pixola_${next++}`;
    const { messages } = await pg.execProtocol(
      concat([...closing(), serialize.parse({ name, text: sql }), serialize.describe({ type: "S", name }), serialize.sync()]),
      { syncToFs: false },
    );
    return { name, paramTypes: parse.parseDescribeStatementResults(messages), rowDescription: describeRows(messages) };
  }

  function forget(sql: string, statement: Statement) {
    if (cache.get(sql) !== statement) return;
    cache.delete(sql);
    retired.push(statement.name);
  }

  async function statementFor(sql: string): Promise<Statement> {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql); // set again below: the Map's order is the order of use
    } else {
      statement = await prepare(sql);
      if (cache.size >= max) {
        const [oldest, evicted] = cache.entries().next().value!;
        forget(oldest, evicted);
      }
    }
    cache.set(sql, statement);
    return statement;
  }

  async function run(sql: string, params: unknown[], opts: StatementOptions, inTransaction: boolean, retried = false): Promise<Results> {
    const statement = await statementFor(sql);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pg.serializers[statement.paramTypes[i]];
      return serializer ? serializer(value) : String(value);
    });
    let messages;
    try {
      ({ messages } = await pg.execProtocol(
        concat([...closing(), serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]),
        { syncToFs: false },
      ));
    } catch (e) {
      if (!resultTypeChanged(e)) throw e;
      // A table under a kept statement changed shape: prepare it again (once), as PGlite's own
      // query() would have. Inside a transaction the error has already aborted it.
      forget(sql, statement);
      if (inTransaction || retried) throw e;
      return run(sql, params, opts, inTransaction, true);
    }
    if (!inTransaction) await pg.syncToFs();
    const rows = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
    return parse.parseResults(rows as never, pg.parsers, opts)[0];
  }

  return {
    /**
     * `query(sql, params, opts)` as PGlite answers it. Outside a transaction it waits for any
     * open one to end, as PGlite's own `query()` does; `inTransaction` runs it inside the one the
     * caller holds.
     */
    query(sql: string, params: unknown[], opts: StatementOptions = {}, inTransaction = false): Promise<Results> {
      const once = () => pg.runExclusive(() => run(sql, params, opts, inTransaction));
      // PGlite's query() holds its transaction lock, then its query lock; runExclusive is the
      // query lock only, which an open transaction does not hold between its statements.
      return inTransaction ? once() : pg._runExclusiveTransaction(once);
    },
    /** How many statements are prepared now (for tests). */
    get size() {
      return cache.size;
    },
  };
}

/**
 * An in-process PGlite (a `memory://` database) whose statements with parameters, in and out of
 * transactions, go through `namedStatements`, as the embedded database's thread does for the
 * app (db/pglite-thread.ts); the rest of its interface is PGlite's.
 */
export function withNamedStatements(pg: PGlite): PGlite {
  const statements = namedStatements(pg);
  const query =
    (target: Pick<PGlite, "query">, inTransaction: boolean) =>
    (sql: string, params?: unknown[], opts?: StatementOptions) =>
      params?.length ? statements.query(sql, params, opts, inTransaction) : target.query(sql, params, opts as never);
  const own = {
    query: query(pg, false),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) =>
      pg.transaction((tx) => fn(Object.create(tx, { query: { value: query(tx, true) } }) as Transaction)),
  };
  // Everything else is PGlite's, called on PGlite itself (its methods use private fields).
  return new Proxy(pg, {
    get(target, key) {
      if (key in own) return own[key as keyof typeof own];
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
