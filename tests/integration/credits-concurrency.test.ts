import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditLedger } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

describeEachBackend("credits under concurrency", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("a new user starts with the Free plan's 1,000 credits, posted as a grant", async () => {
    const ctx = await env.newUser();
    expect(await env.balanceOf(ctx.userId)).toBe(1000);
    const rows = await env.db.select().from(creditLedger).where(eq(creditLedger.userId, ctx.userId));
    expect(rows).toMatchObject([{ kind: "grant", amount: 1000, balanceAfter: 1000 }]);
  });

  it.each([1, 2, 3, 4, 5])("100 concurrent 1-credit submits against a balance of 10 accept exactly 10 (run %i)", async () => {
    const ctx = await env.newUser(10);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        submitGeneration({ ctx, input: { prompt: `race ${i}`, model: "procedural" }, appUrl: "http://test" }),
      ),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(accepted).toHaveLength(10);
    expect(rejected).toHaveLength(90);
    for (const r of rejected) {
      expect(isDomainError(r.reason) && r.reason.code).toBe("insufficient_credits");
    }
    expect(await env.balanceOf(ctx.userId)).toBe(0);
    expect(await env.ledgerSum(ctx.userId)).toBe(0);
    const reserves = await env.db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.userId, ctx.userId), eq(creditLedger.kind, "reserve")));
    expect(reserves).toHaveLength(10);
    expect(reserves.every((r) => r.amount === -1 && r.balanceAfter >= 0)).toBe(true);
  });

  it("insufficient credits names the balance and the cost, and changes nothing", async () => {
    const ctx = await env.newUser(3);
    const err = await submitGeneration({ ctx, input: { prompt: "x", model: "procedural", count: 4 }, appUrl: "http://t" }).catch((e) => e);
    expect(err.code).toBe("insufficient_credits");
    expect(err.message).toContain("costs 4 credits");
    expect(err.message).toContain("balance is 3");
    expect(await env.balanceOf(ctx.userId)).toBe(3);
    expect(await env.ledgerSum(ctx.userId)).toBe(3);
  });
});
