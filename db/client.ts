import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ListenHandlers } from "./listen";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for both drivers: only the query builder is used, never driver-specific results. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /**
   * Subscribes to NOTIFY on `channel`. PostgreSQL: a connection of its own, which may be lost
   * and comes back (`down`, then `up`). PGlite: this process is the only one, and its
   * notifications arrive before the statement that sent them returns.
   */
  listen(channel: string, h: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

export interface OpenOptions {
  /** postgres:// URL; when absent an embedded PGlite database is opened in `dataDir`. */
  url?: string;
  dataDir?: string;
  poolSize?: number;
  migrate?: boolean;
  /**
   * A `memory://` database starts as a copy of this dump (PGlite's `dumpDataDir()`) instead of
   * running initdb: the test suites migrate one database and clone it for every test file.
   */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  const handle = opts.url ? await openPostgres(opts.url, opts.poolSize ?? 10) : await openPglite(opts.dataDir!, opts.loadDataDir);
  if (opts.migrate !== false) await migrateDatabase(handle);
  return handle;
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzle({ client, schema }) as unknown as Db;
  const listen = async (channel: string, h: ListenHandlers) => {
    const { listenPostgres } = await import("./listen");
    return listenPostgres(url, channel, h, { appName: `pixola-listen-${channel}` });
  };
  return { db, kind: "postgres", listen, close: () => client.end({ timeout: 5 }) };
}

/**
 * The embedded database. On disk (the product's default) it runs in a worker thread of its own
 * (db/pglite-client.ts), so its synchronous WebAssembly never blocks the requests this process
 * serves; `memory://` databases (tests, scratch) stay on this thread.
 */
async function openPglite(dir: string, loadDataDir?: Blob): Promise<DbHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const memory = dir.startsWith("memory://");
  if (loadDataDir && !memory) throw new Error("loadDataDir is for memory:// databases only");
  const release = memory ? () => {} : lockDataDir(dir);
  let client;
  try {
    if (memory) {
      const { PGlite } = await import("@electric-sql/pglite");
      const { withNamedStatements } = await import("./pglite-statements");
      client = withNamedStatements(await PGlite.create(dir, loadDataDir ? { loadDataDir } : {}));
    } else {
      fs.mkdirSync(dir, { recursive: true });
      const { openPgliteThread } = await import("./pglite-client");
      client = await openPgliteThread(dir);
    }
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzle({ client: client as never, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async listen(channel: string, h: ListenHandlers) {
      const unlisten = await client.listen(channel, h.notify);
      h.up();
      return unlisten;
    },
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite has no cross-process lock and two processes on one directory corrupt it,
 * so a pid file beside the directory refuses a second live process.
 */
function lockDataDir(dir: string): () => void {
  const lock = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, "utf8").trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database at ${dir} is in use by process ${pid}. ` +
          "Stop that process, or set DATABASE_URL to a PostgreSQL server to share a database between processes.",
      );
    }
  }
  fs.writeFileSync(lock, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lock, "utf8").trim() === String(process.pid)) fs.unlinkSync(lock);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
