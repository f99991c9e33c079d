import { Worker } from "node:worker_threads";
import { startFromSource } from "@/lib/threads/start-from-source";
import type { PgliteReply, PgliteRequest } from "./pglite-protocol";

type Result = { rows: unknown[]; fields: unknown[]; affectedRows?: number };
type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown> };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Send = (msg: DistributiveOmit<PgliteRequest, "id">) => Promise<unknown>;

/** The part of PGlite's interface drizzle's pglite driver uses: query, exec, transaction. */
export interface PgliteLike {
  query(sql: string, params?: unknown[], opts?: QueryOptions): Promise<Result>;
  exec(sql: string): Promise<Result[]>;
  transaction<T>(fn: (tx: PgliteLike & { rollback(): Promise<void> }) => Promise<T>): Promise<T>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

function startThread(dataDir: string): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./pglite-thread.ts", import.meta.url), { workerData: { dataDir } });
  return startFromSource(new URL(import.meta.url.replace(/[^/]+$/, "pglite-thread.ts")), { workerData: { dataDir } });
}

const toError = (e: { name: string; message: string; [k: string]: unknown }) => Object.assign(new Error(e.message), e);

const queryOf = (send: Send, tx?: number) => ({
  query: (sql: string, params?: unknown[], opts: QueryOptions = {}) =>
    send({ op: "query", sql, params, rowMode: opts.rowMode, identityTypes: Object.keys(opts.parsers ?? {}).map(Number), tx }) as Promise<Result>,
  exec: (sql: string) => send({ op: "exec", sql, tx }) as Promise<Result[]>,
});

/**
 * The embedded database in a worker thread of its own, so its synchronous WebAssembly never
 * runs on the event loop that serves requests. Each statement crosses one message; results are
 * plain rows (drizzle keeps dates as text, as PostgreSQL sends them).
 */
export async function openPgliteThread(dataDir: string): Promise<PgliteLike> {
  const worker = startThread(dataDir);
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  let nextId = 1;
  let failed: Error | null = null;
  const ready = new Promise<void>((resolve, reject) => pending.set(0, { resolve: () => resolve(), reject }));
  const listeners = new Map<string, (payload: string) => void>();
  worker.on("message", (msg: PgliteReply) => {
    if ("notify" in msg) return listeners.get(msg.notify)?.(msg.payload);
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(toError(msg.error));
  });
  const dead = (err: Error) => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on("error", dead);
  worker.on("exit", (code) => dead(new Error(`the embedded database thread exited (code ${code})`)));
  const send: Send = (msg) =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  await ready;
  return {
    ...queryOf(send),
    async transaction(fn) {
      const tx = (await send({ op: "begin" })) as number;
      let result;
      try {
        result = await fn({
          ...queryOf(send, tx),
          async rollback() {
            throw new Error("rollback");
          },
        } as never);
      } catch (err) {
        await send({ op: "end", tx, commit: false });
        throw err;
      }
      await send({ op: "end", tx, commit: true });
      return result;
    },
    async listen(channel, callback) {
      listeners.set(channel, callback);
      await send({ op: "listen", channel });
      // Closing the database ends the subscription; nothing to undo before that.
      return async () => void listeners.delete(channel);
    },
    async close() {
      await send({ op: "close" }).catch(() => {});
      await worker.terminate();
    },
  };
}
