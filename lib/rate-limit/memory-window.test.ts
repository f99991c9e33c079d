import { describe, expect, it } from "vitest";
import { memoryWindow } from "./memory-window";

const clock = (start: number) => {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v) };
};

describe("memoryWindow (Upstash's arithmetic in memory)", () => {
  it("sliding: refuses request N+1 in a window without counting it, and weighs the previous window", async () => {
    const c = clock(60_000 * 100); // the start of a window
    const w = memoryWindow({ kind: "sliding", ms: 60_000, prefix: "t" }, c.now);
    for (let i = 0; i < 3; i++) expect((await w.limit("k", 3)).success).toBe(true);
    const refused = await w.limit("k", 3);
    expect(refused).toEqual({ success: false, limit: 3, remaining: 0, reset: 60_000 * 101 });
    // A quarter into the next window, floor(0.75 × 3) = 2 of the previous requests still count.
    c.set(60_000 * 101 + 15_000);
    expect(await w.limit("k", 3)).toMatchObject({ success: true, remaining: 0 });
    expect((await w.limit("k", 3)).success).toBe(false);
    // Two windows later nothing is left of them.
    c.set(60_000 * 103);
    expect(await w.limit("k", 3)).toMatchObject({ success: true, remaining: 2 });
  });

  it("sliding: a negative rate gives a request back, even at the limit", async () => {
    const c = clock(0);
    const w = memoryWindow({ kind: "sliding", ms: 1000, prefix: "t" }, c.now);
    await w.limit("k", 2);
    await w.limit("k", 2);
    expect((await w.limit("k", 2)).success).toBe(false);
    expect(await w.limit("k", 2, -1)).toMatchObject({ success: true, remaining: 1 });
    expect((await w.limit("k", 2)).success).toBe(true);
  });

  it("fixed: counts every request and resets at the window boundary", async () => {
    const c = clock(86_400_000 * 5 + 10);
    const w = memoryWindow({ kind: "fixed", ms: 86_400_000, prefix: "t" }, c.now);
    expect(await w.limit("k", 2)).toEqual({ success: true, limit: 2, remaining: 1, reset: 86_400_000 * 6 });
    expect((await w.limit("k", 2)).success).toBe(true);
    expect((await w.limit("k", 2)).success).toBe(false);
    c.set(86_400_000 * 6);
    expect(await w.limit("k", 2)).toMatchObject({ success: true, remaining: 1 });
  });

  it("keeps identifiers apart", async () => {
    const w = memoryWindow({ kind: "sliding", ms: 60_000, prefix: "t" });
    expect((await w.limit("a", 1)).success).toBe(true);
    expect((await w.limit("a", 1)).success).toBe(false);
    expect((await w.limit("b", 1)).success).toBe(true);
  });
});
