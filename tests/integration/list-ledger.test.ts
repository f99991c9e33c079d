import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCredits } from "@/lib/credits/get-credits";
import { listLedger } from "@/lib/credits/list-ledger";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { drainQueue } from "../helpers/drain";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

describeEachBackend("listLedger", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("lists the owner's entries newest first, with the batch prompt, in pages that add up to the balance", async () => {
    const a = await env.newUser();
    const b = await env.newUser();
    const prompts = ["first fox", "second fox", "third fox"];
    for (const prompt of prompts) {
      await submitGeneration({ ctx: a, input: { prompt, model: "procedural" }, appUrl: "http://t" });
    }
    await submitGeneration({ ctx: b, input: { prompt: "b's secret", model: "procedural" }, appUrl: "http://t" });
    await drainQueue(env);

    const first = await listLedger({ ctx: a, input: { limit: 2 } });
    expect(first.entries.map((e) => e.prompt)).toEqual(["third fox", "second fox"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listLedger({ ctx: a, input: { limit: 2, cursor: first.nextCursor! } });
    expect(second.entries.map((e) => [e.kind, e.prompt])).toEqual([
      ["reserve", "first fox"],
      ["grant", null],
    ]);
    expect(second.nextCursor).toBeNull();

    const all = [...first.entries, ...second.entries];
    expect(all.reduce((s, e) => s + e.amount, 0)).toBe(await env.balanceOf(a.userId));
    expect(all[0].balanceAfter).toBe(await env.balanceOf(a.userId));
    expect(JSON.stringify(all)).not.toContain("b's secret");

    const other = await listLedger({ ctx: b, input: {} });
    expect(other.entries.map((e) => e.prompt)).toEqual(["b's secret", null]);
  });

  it("getCredits (REST /credits, MCP check_credits) carries the latest ten entries, the caller's only", async () => {
    const a = await env.newUser();
    const b = await env.newUser();
    for (let i = 1; i <= 11; i++) await submitGeneration({ ctx: a, input: { prompt: `fox ${i}`, model: "procedural" }, appUrl: "http://t" });
    await submitGeneration({ ctx: b, input: { prompt: "b's secret", model: "procedural" }, appUrl: "http://t" });
    const credits = await getCredits({ ctx: a });
    expect(credits.recentEntries.map((e) => e.prompt)).toEqual(Array.from({ length: 10 }, (_, i) => `fox ${11 - i}`));
    expect(credits.recentEntries[0].balanceAfter).toBe(credits.balance);
    expect(JSON.stringify(credits)).not.toContain("b's secret");
    expect((await getCredits({ ctx: b })).recentEntries.map((e) => [e.kind, e.prompt])).toEqual([["reserve", "b's secret"], ["grant", null]]);
  });

  it("getCredits reads the balance fresh on every call (its statement is prepared once, its answer never kept)", async () => {
    const a = await env.newUser();
    const before = await getCredits({ ctx: a });
    await submitGeneration({ ctx: a, input: { prompt: "one more fox", model: "procedural" }, appUrl: "http://t" });
    const after = await getCredits({ ctx: a });
    expect(after.balance).toBe(before.balance - 1);
    expect(after.recentEntries[0]).toMatchObject({ kind: "reserve", amount: -1, prompt: "one more fox", balanceAfter: after.balance });
    expect(after.recentEntries.slice(1)).toEqual(before.recentEntries);
  });

  it("rejects a cursor that was not issued by a previous page", async () => {
    const a = await env.newUser();
    await expect(listLedger({ ctx: a, input: { cursor: "nonsense" } })).rejects.toMatchObject({ code: "bad_request" });
  });
});
