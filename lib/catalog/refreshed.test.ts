import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { refreshed } from "./refreshed";

/** A read whose answers the test releases one by one. */
function gatedRead() {
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const read = vi.fn(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })));
  return { read, pending };
}

describe("refreshed: a database read kept fresh without making requests wait", () => {
  const db = {} as Db;
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(() => vi.useRealTimers());

  it("waits for the first read, then answers from it; once stale, answers at once while one read refreshes it", async () => {
    const { read, pending } = gatedRead();
    const cache = refreshed(read, { ttlMs: 1000, staleMs: 1000 });
    const first = cache.get(db);
    pending[0].resolve(1);
    expect(await first).toBe(1);
    vi.advanceTimersByTime(999);
    expect(await cache.get(db)).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(1);
    // Stale: the last value at once, and a single read for any number of callers.
    expect(await Promise.all([cache.get(db), cache.get(db), cache.get(db)])).toEqual([1, 1, 1]);
    expect(read).toHaveBeenCalledTimes(2);
    pending[1].resolve(2);
    await vi.waitFor(async () => expect(await cache.get(db)).toBe(2));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("keeps the last value when a refresh fails, and the next call tries again", async () => {
    const { read, pending } = gatedRead();
    const cache = refreshed(read, { ttlMs: 1000 });
    const first = cache.get(db);
    pending[0].resolve(1);
    await first;
    vi.advanceTimersByTime(1500);
    expect(await cache.get(db)).toBe(1);
    pending[1].reject(new Error("connection lost"));
    await new Promise((r) => setImmediate(r));
    expect(await cache.get(db)).toBe(1);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it("makes the caller wait for a fresh read after an idle spell, after forget, and after a failed first read", async () => {
    const { read, pending } = gatedRead();
    const cache = refreshed(read, { ttlMs: 1000, staleMs: 1000 });
    const first = cache.get(db);
    pending[0].reject(new Error("down"));
    await expect(first).rejects.toThrow("down");
    const second = cache.get(db);
    pending[1].resolve(1);
    expect(await second).toBe(1);

    vi.advanceTimersByTime(2000);
    const afterIdle = cache.get(db);
    pending[2].resolve(2);
    expect(await afterIdle).toBe(2);

    cache.forget(db);
    const afterForget = cache.get(db);
    pending[3].resolve(3);
    expect(await afterForget).toBe(3);
    expect(read).toHaveBeenCalledTimes(4);
  });
});
