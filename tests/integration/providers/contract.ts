import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { creditLedger } from "@/db/schema";
import { seedCatalogFromEnv } from "@/lib/catalog/seed-from-env";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { startWorker } from "@/lib/generation/worker";
import { PROVIDERS } from "@/lib/providers/registry";
import type { FakeProvider, Scenario } from "../../fixtures/fake-provider";
import { createTestEnv, type TestEnv } from "../../helpers/test-env";

/**
 * Every provider adapter, through the real worker loop (claim, lease renewal, provider job,
 * download, decode, store, settle), against its loopback fake, in every scenario of its
 * contract. What is asserted is what the user sees: the batch's status, the stored image,
 * the credits charged or refunded exactly once, and the words of the error.
 *
 * One test file per provider (<provider>.test.ts calls describeProviderContract), so the
 * providers' matrices run in parallel; every-provider.test.ts checks none is left out.
 */
export interface ProviderSpec {
  provider: string;
  model: string;
  start: () => Promise<FakeProvider>;
  /** The contract delivers images as URLs to fetch. */
  urls: boolean;
  /** The provider has a content policy (a self-hosted ComfyUI has none). */
  moderation?: false;
}

const SLOW_TIMEOUT_S = 3;

export function describeProviderContract(spec: ProviderSpec): void {
  describe(`provider '${spec.provider}' ('${spec.model}') through the worker`, () => {
    let env: TestEnv;
    let fake: FakeProvider;
    const adapter = PROVIDERS.find((p) => p.name === spec.provider)!;
    beforeAll(async () => {
      env = await createTestEnv("pglite");
      fake = await spec.start();
      // ComfyUI's model comes from its environment (COMFYUI_WORKFLOW), as at a real boot.
      await seedCatalogFromEnv(env.db, fake.env);
    });
    afterAll(async () => {
      await fake?.close();
      await env?.close();
    });

    async function run(scenario: Scenario, timeoutSeconds = 60) {
      fake.reset();
      fake.setScenario(scenario, { pendingChecks: 2 });
      const client = adapter.fromEnv(fake.env)!;
      // Fast polls and back-off keep the matrix quick; the lease is short so renewal runs too.
      if (client.kind === "queue") client.pollIntervalMs = 100;
      const worker = startWorker({
        db: env.db,
        store: env.store,
        providers: new Map([[spec.provider, client]]),
        ioConcurrency: 4,
        cpuConcurrency: 1,
        leaseSeconds: 2,
        maxAttempts: 3,
        timeoutSeconds,
        queueDeadlineSeconds: 900,
        backoffMs: () => 100,
        pollMs: 50,
      });
      try {
        const ctx = await env.newUser();
        const sub = await submitGeneration({ ctx, input: { prompt: "a widescreen landscape", model: spec.model, style: "watercolor", shape: "landscape-wide" }, appUrl: "http://t" });
        let batch = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
        for (let i = 0; i < 400 && (batch.status === "queued" || batch.status === "running"); i++) {
          await new Promise((r) => setTimeout(r, 50));
          batch = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
        }
        const refunds = await env.db.select().from(creditLedger).where(and(eq(creditLedger.batchId, sub.batchId), eq(creditLedger.kind, "refund")));
        return { ctx, sub, batch, refunds, balance: await env.balanceOf(ctx.userId), ledger: await env.ledgerSum(ctx.userId) };
      } finally {
        await worker.stop();
        expect(fake.violations).toEqual([]);
      }
    }

    async function expectStored(r: Awaited<ReturnType<typeof run>>) {
      expect(r.batch.status).toBe("succeeded");
      expect(r.batch.creditsCharged).toBe(r.sub.creditsReserved);
      expect(r.refunds).toHaveLength(0);
      expect(r.balance).toBe(1000 - r.sub.creditsReserved);
      expect(r.ledger).toBe(r.balance);
      const img = r.batch.images[0];
      const key = new URL(img.url!).pathname.replace("/files/", "");
      const file = await env.store.get(key);
      const meta = await sharp(file!.bytes).metadata();
      expect([meta.width, meta.height]).toEqual([img.width, img.height]);
      expect(img.mimeType).toBe(file!.contentType);
      // The stored size is the truth; a size other than the shape's carries a note.
      if (img.width !== 1344 || img.height !== 756) expect(img.note).toMatch(/landscape-wide/);
      else expect(img.note).toBeNull();
    }

    function expectRefunded(r: Awaited<ReturnType<typeof run>>) {
      expect(r.batch.status).toBe("failed");
      expect(r.batch.creditsCharged).toBe(0);
      expect(r.refunds).toHaveLength(1);
      expect(r.balance).toBe(1000);
      expect(r.ledger).toBe(1000);
      expect(r.batch.images[0].error).toMatch(/refunded/);
      // Provider wording never reaches the user.
      expect(r.batch.images[0].error).not.toMatch(/secret|provider detail|exploded/i);
    }

    it("succeeds, stores Pixola's copy and charges once", async () => {
      const r = await run("ok");
      await expectStored(r);
      expect(fake.submissions()).toBe(1);
    });

    it("polls an asynchronous job until it is ready", async () => {
      const r = await run("poll");
      await expectStored(r);
      expect(fake.submissions()).toBe(1);
    });

    if (spec.urls) {
      it("fetches the output URL the provider returns", async () => {
        const r = await run("url");
        await expectStored(r);
        expect(fake.requests.some((q) => q.method === "GET" && /_files|\/view\?/.test(q.url))).toBe(true);
      });
    }

    it("honours 429 with Retry-After, then succeeds without spending an attempt", async () => {
      const started = Date.now();
      const r = await run("rate-limit");
      await expectStored(r);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(fake.submissions()).toBe(2);
    });

    it("retries a 5xx, then succeeds and charges once", async () => {
      const r = await run("flaky");
      await expectStored(r);
      expect(fake.submissions()).toBe(2);
    });

    it("fails a job that outlives PROVIDER_TIMEOUT_SECONDS and refunds it once", async () => {
      const r = await run("slow", SLOW_TIMEOUT_S);
      expectRefunded(r);
      expect(r.batch.images[0].errorCode).toBe("timeout");
      expect(r.batch.images[0].error).toMatch(new RegExp(`within ${SLOW_TIMEOUT_S} seconds`));
    });

    if (spec.moderation !== false) {
      it("a moderation refusal fails as content_flagged, is not retried, and is refunded once", async () => {
        const r = await run("moderation");
        expectRefunded(r);
        expect(r.batch.images[0].errorCode).toBe("content_flagged");
        expect(r.batch.images[0].error).toMatch(/content policy/);
        expect(fake.submissions()).toBe(1);
      });
    }

    it("malformed JSON is retried, then refunded once with a plain message", async () => {
      const r = await run("bad-json");
      expectRefunded(r);
      expect(r.batch.images[0].errorCode).toBe("provider_failed");
    });
  });
}
