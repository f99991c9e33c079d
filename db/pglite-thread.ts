/**
 * Worker-thread home of the embedded database (db/pglite-client.ts). PGlite runs PostgreSQL
 * compiled to WebAssembly, synchronously: on the web process's own thread every statement
 * (1–2 ms of planning and execution) would block the requests it serves.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { PgliteReply, PgliteRequest } from "./pglite-protocol";
import { namedStatements } from "./pglite-statements";

const port = parentPort;
if (!port) throw new Error("db/pglite-thread.ts runs only as a worker thread (see db/pglite-client.ts)");

const reply = (msg: PgliteReply) => port.postMessage(msg);
const fail = (id: number, err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  // Own properties carry PostgreSQL's code, detail, constraint… which callers inspect; only
  // plain values cross to the main thread (an error may also hold objects that cannot).
  const fields = Object.entries(e).filter(([, v]) => ["string", "number", "boolean"].includes(typeof v));
  reply({ id, ok: false, error: { ...Object.fromEntries(fields), name: e.name, message: e.message } });
};

// drizzle passes parsers that keep dates, intervals and their arrays as text: the same here.
const identityParsers = (types: number[]) => Object.fromEntries(types.map((t) => [t, (v: string) => v]));

const pg = new PGlite((workerData as { dataDir: string }).dataDir);
const statements = namedStatements(pg);
const open = new Map<number, { tx: Transaction; finish(commit: boolean): void; endId?: number }>();
let nextTx = 1;
const ROLLBACK = Symbol("rollback");

async function handle(msg: PgliteRequest) {
  switch (msg.op) {
    case "query": {
      const target = msg.tx ? open.get(msg.tx)?.tx : pg;
      if (!target) throw new Error(`transaction ${msg.tx} is not open`);
      const opts = { rowMode: msg.rowMode, parsers: identityParsers(msg.identityTypes) };
      const r = msg.params?.length ? await statements.query(msg.sql, msg.params, opts, !!msg.tx) : await target.query(msg.sql, msg.params, opts);
      return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    }
    case "exec": {
      const target = msg.tx ? open.get(msg.tx)?.tx : pg;
      if (!target) throw new Error(`transaction ${msg.tx} is not open`);
      return (await target.exec(msg.sql)).map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case "begin": {
      // PGlite's transactions are callbacks: this one stays open until the main thread ends it.
      const txId = nextTx++;
      let began!: () => void;
      const ready = new Promise<void>((r) => (began = r));
      const done = pg.transaction(async (tx) => {
        const commit = await new Promise<boolean>((finish) => {
          open.set(txId, { tx, finish });
          began();
        });
        if (!commit) throw ROLLBACK;
      });
      done.then(
        () => reply({ id: open.get(txId)!.endId!, ok: true, result: null }),
        (err) => (err === ROLLBACK ? reply({ id: open.get(txId)!.endId!, ok: true, result: null }) : fail(open.get(txId)!.endId!, err)),
      ).finally(() => open.delete(txId));
      await ready;
      return txId;
    }
    case "end": {
      const t = open.get(msg.tx);
      if (!t) throw new Error(`transaction ${msg.tx} is not open`);
      t.endId = msg.id;
      t.finish(msg.commit);
      return undefined; // answered when PGlite has committed or rolled back
    }
    case "listen":
      await pg.listen(msg.channel, (payload) => port!.postMessage({ notify: msg.channel, payload } satisfies PgliteReply));
      return null;
    case "close":
      await pg.close();
      return null;
  }
}

port.on("message", (msg: PgliteRequest) => {
  handle(msg).then(
    (result) => {
      if (result !== undefined) reply({ id: msg.id, ok: true, result });
    },
    (err) => fail(msg.id, err),
  );
});
pg.waitReady.then(
  () => reply({ id: 0, ok: true, result: "ready" }),
  (err) => fail(0, err),
);
