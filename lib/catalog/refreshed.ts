import type { Db } from "@/db/client";

/**
 * A value read from the database, per database, kept fresh without making requests wait for it.
 * Within `ttlMs` of the last read a call gets the value as it is; for `staleMs` after that it
 * still gets it at once while one read runs in the background, so a busy process never queues
 * its requests behind the read (on the embedded database the read runs on a thread that
 * competes with the requests, and took tens of milliseconds under load: every request in flight
 * waited, every second). Older than that — an idle process — or after `forget`, the call waits
 * for a fresh read. A failed read keeps the last value and is tried again by the next call.
 */
export function refreshed<T>(read: (db: Db) => Promise<T>, { ttlMs, staleMs = ttlMs }: { ttlMs: number; staleMs?: number }) {
  type Entry = { at: number; value: Promise<T>; refreshing: boolean };
  const entries = new WeakMap<Db, Entry>();

  const load = (db: Db): Promise<T> => {
    const entry: Entry = { at: Date.now(), value: read(db), refreshing: false };
    entries.set(db, entry);
    entry.value.catch(() => {
      if (entries.get(db) === entry) entries.delete(db);
    });
    return entry.value;
  };

  const refresh = (db: Db, entry: Entry) => {
    entry.refreshing = true;
    const next = read(db);
    next.then(
      () => {
        if (entries.get(db) === entry) entries.set(db, { at: Date.now(), value: next, refreshing: false });
      },
      () => {
        entry.refreshing = false;
      },
    );
  };

  return {
    get(db: Db): Promise<T> {
      const entry = entries.get(db);
      if (!entry) return load(db);
      const age = Date.now() - entry.at;
      if (age < ttlMs) return entry.value;
      if (age >= ttlMs + staleMs) return load(db);
      if (!entry.refreshing) refresh(db, entry);
      return entry.value;
    },
    /** The next call reads afresh and waits for it (this process just changed the value). */
    forget(db: Db): void {
      entries.delete(db);
    },
  };
}
