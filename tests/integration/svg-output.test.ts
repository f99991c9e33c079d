import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { falProvider } from "@/lib/providers/fal";
import type { QueueClient } from "@/lib/providers/types";
import { serveFile } from "@/lib/storage/serve-file";
import { startFakeFal } from "../fixtures/fake-fal";
import type { FakeProvider } from "../fixtures/fake-provider";
import { drainQueue } from "../helpers/drain";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

// The vector models return SVG: a document that could carry script. Pixola stores its own copy
// and serves it sandboxed and as a download, so it can never run on Pixola's origin.
describe("SVG outputs (recraft-v4-vector through fal)", () => {
  let env: TestEnv;
  let fake: FakeProvider;
  beforeAll(async () => {
    env = await createTestEnv("pglite");
    fake = await startFakeFal();
    const client = falProvider.fromEnv(fake.env) as QueueClient;
    client.pollIntervalMs = 50;
    await env.overrideProvider("fal", client);
  });
  afterAll(async () => {
    await fake?.close();
    await env?.close();
  });

  it("is stored as image/svg+xml and served with a sandbox CSP as an attachment", async () => {
    const ctx = await env.newUser();
    const sub = await submitGeneration({ ctx, input: { prompt: "a fox logo", model: "recraft-v4-vector" }, appUrl: "http://t" });
    await drainQueue(env);
    const batch = await getBatch({ ctx, input: { batchId: sub.batchId }, store: env.store });
    expect(batch.status).toBe("succeeded");
    const img = batch.images[0];
    expect(img.mimeType).toBe("image/svg+xml");
    expect(img.url).toMatch(/\.svg\?exp=/);
    const res = await serveFile(env.store, "test-secret", new URL(img.url!).pathname.replace("/files/", ""), new Request(img.url!));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(res.headers.get("content-disposition")).toBe("attachment");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(fake.violations).toEqual([]);
  });
});
