import type { Db, DbHandle } from "@/db/client";
import { log } from "@/lib/log";
import { CredentialCache, DEFAULT_CREDENTIAL_CACHE_SIZE, parseCredentialRef } from "./credential-cache";
import { LastUsedWriter } from "./last-used";
import { onCredentialsShutdown } from "./shutdown";

/** Where drizzle/0007_credential_notify.sql's triggers announce a changed key or grant. */
export const CREDENTIALS_CHANNEL = "pixola_credentials";

export interface Credentials {
  cache: CredentialCache;
  lastUsed: LastUsedWriter;
}

// On globalThis, like the runtime (lib/runtime.ts): Next.js loads route handlers in module
// graphs of their own, and each must find the one cache of this database.
const g = globalThis as unknown as { __pixolaCredentials?: WeakMap<Db, Credentials> };
const registry = (g.__pixolaCredentials ??= new WeakMap());

/**
 * The cache and last-used writer of `db`. The cache stays offline (bypassed: every check reads
 * the database) until startCredentials listens for changes, as in scripts and bare test databases.
 */
export function credentialsOf(db: Db): Credentials {
  let c = registry.get(db);
  if (!c) registry.set(db, (c = { cache: new CredentialCache(), lastUsed: new LastUsedWriter(db) }));
  return c;
}

/**
 * Starts the credential cache of a database: listens for key and grant changes (revocations,
 * deletions — those of users and clients included, through the triggers — and scope changes)
 * and evicts them; while not listening the cache is bypassed. Returns what stops it (flushing
 * last-used).
 */
export async function startCredentials(handle: DbHandle, opts: { max?: number; flushMs?: number } = {}): Promise<() => Promise<void>> {
  const cache = new CredentialCache(opts.max ?? DEFAULT_CREDENTIAL_CACHE_SIZE);
  const lastUsed = new LastUsedWriter(handle.db, opts.flushMs);
  await registry.get(handle.db)?.lastUsed.flush();
  registry.set(handle.db, { cache, lastUsed });
  let wasUp = false;
  const unlisten = await handle.listen(CREDENTIALS_CHANNEL, {
    notify(payload) {
      const ref = parseCredentialRef(payload);
      if (ref) cache.evict(ref);
    },
    up() {
      if (wasUp) log.info("credential notifications back: cache on again");
      wasUp = true;
      cache.goOnline();
    },
    down() {
      if (cache.online) log.warn("credential notifications lost: verifying every request against the database until back");
      cache.goOffline();
    },
  });
  const stop = async () => {
    unregister();
    cache.goOffline();
    await unlisten();
    await lastUsed.flush();
  };
  const unregister = onCredentialsShutdown(stop);
  return stop;
}
