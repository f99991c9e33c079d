import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { accountKey, admitSignIn, clearSignInFailures, delayAfter, FREE_FAILURES, pruneSignInFailures } from "@/lib/auth/sign-in-limit";
import { describeEachBackend, openTestDatabase } from "../helpers/test-db";

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

// Issue #9 item 6: at most 10 failed sign-ins per account per 15 minutes, then a growing
// delay (never a lockout), counted atomically so parallel attempts cannot slip through.
describeEachBackend("per-account sign-in limit", (backend) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
  });
  afterAll(() => handle?.close());

  it("lets 10 attempts through, then asks for a delay that grows and is capped at 15 minutes", async () => {
    const key = accountKey("victim@example.com", "secret");
    const t0 = new Date("2026-11-30T10:00:00Z");
    for (let i = 0; i < FREE_FAILURES; i++) expect(await admitSignIn(handle.db, key, at(t0, i))).toEqual({ allowed: true });

    // The 11th attempt right after the 10th failure waits 30 s; waiting is enough.
    expect(await admitSignIn(handle.db, key, at(t0, 10))).toEqual({ allowed: false, retryAfterSeconds: 29 });
    expect(await admitSignIn(handle.db, key, at(t0, 38))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await admitSignIn(handle.db, key, at(t0, 39))).toEqual({ allowed: true });
    // Refused attempts did not count: the next wait is 60 s after the 11th failure.
    expect(await admitSignIn(handle.db, key, at(t0, 40))).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(await admitSignIn(handle.db, key, at(t0, 99))).toEqual({ allowed: true });
    expect(await admitSignIn(handle.db, key, at(t0, 100))).toEqual({ allowed: false, retryAfterSeconds: 119 });
    expect([10, 11, 12, 13, 14, 15, 16, 30].map(delayAfter)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("another account is not affected, and a success or 15 quiet minutes start the count again", async () => {
    const a = accountKey("a@example.com", "secret");
    const b = accountKey("B@Example.com ", "secret");
    expect(b).toBe(accountKey("b@example.com", "secret"));
    const t0 = new Date("2026-11-30T11:00:00Z");
    for (let i = 0; i < FREE_FAILURES; i++) await admitSignIn(handle.db, a, at(t0, i));
    expect((await admitSignIn(handle.db, a, at(t0, 11))).allowed).toBe(false);
    expect((await admitSignIn(handle.db, b, at(t0, 11))).allowed).toBe(true);

    // 15 minutes after the last failure the allowance is whole again.
    expect((await admitSignIn(handle.db, a, at(t0, 9 + 15 * 60 + 1))).allowed).toBe(true);
    for (let i = 1; i < FREE_FAILURES; i++) expect((await admitSignIn(handle.db, a, at(t0, 15 * 60 + 10 + i))).allowed).toBe(true);
    expect((await admitSignIn(handle.db, a, at(t0, 15 * 60 + 30))).allowed).toBe(false);

    await clearSignInFailures(handle.db, a);
    expect((await admitSignIn(handle.db, a, at(t0, 15 * 60 + 31))).allowed).toBe(true);
  });

  it("100 parallel attempts: exactly 10 run", async () => {
    const key = accountKey("burst@example.com", "secret");
    const now = new Date("2026-11-30T12:00:00Z");
    const results = await Promise.all(Array.from({ length: 100 }, () => admitSignIn(handle.db, key, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(FREE_FAILURES);
  });

  it("the sweep removes counts untouched for 15 minutes and keeps the rest", async () => {
    const now = new Date("2026-11-30T13:00:00Z");
    await admitSignIn(handle.db, accountKey("old@example.com", "s"), at(now, -16 * 60));
    await admitSignIn(handle.db, accountKey("new@example.com", "s"), at(now, -60));
    expect(await pruneSignInFailures(handle.db, now)).toBeGreaterThanOrEqual(1);
    const left = await handle.db.query.signInFailures.findMany();
    expect(left.map((r) => r.emailHash)).toContain(accountKey("new@example.com", "s"));
    expect(left.map((r) => r.emailHash)).not.toContain(accountKey("old@example.com", "s"));
  });
});
