import postgres from "postgres";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeFal } from "../fixtures/fake-fal";
import type { FakeProvider } from "../fixtures/fake-provider";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { createEmptyPostgres } from "../helpers/empty-postgres";
import { startWorkerProcess, type WorkerProcess } from "../helpers/worker-process";

/**
 * Live availability across processes: a web process with no provider keys and no worker of its
 * own, and `npm run worker` processes with fal's key (pointing at the fal fake), on one
 * PostgreSQL database. What GET /models and POST /generate say follows the workers' heartbeats:
 * a worker that stops cleanly leaves at once, one that is killed within the 15 s live window.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("availability follows the running workers (PostgreSQL, npm run worker)", () => {
  let fake: FakeProvider;
  let db: { url: string; drop(): Promise<void> };
  let app: AppServer;
  let key: string;
  let worker: WorkerProcess | undefined;

  type Model = { slug: string; provider: string; available: boolean; default: boolean };
  const models = async (): Promise<{ defaultModel: string; models: Model[] }> => (await fetch(`${app.url}/api/v1/models`)).json();
  const availability = async () => new Map((await models()).models.map((m) => [m.slug, m.available]));
  const generate = async (body: Record<string, unknown>) => {
    const res = await fetch(`${app.url}/api/v1/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  /** Polls every 100 ms until `done`; resolves with how long that took. */
  const timeUntil = async (done: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> => {
    const started = Date.now();
    for (;;) {
      if (await done()) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms\n${worker?.output() ?? ""}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const startWorker = async () => {
    worker = startWorkerProcess({ DATABASE_URL: db.url, DATA_DIR: app.dataDir, APP_URL: app.url, ...fake.env });
    const ms = await timeUntil(async () => (await availability()).get("flux-2") === true, 60_000, "the worker never announced fal");
    console.log(`npm run worker: flux-2 available ${ms} ms after spawning it`);
  };

  beforeAll(async () => {
    fake = await startFakeFal();
    db = await createEmptyPostgres();
    app = await startAppServer({ DATABASE_URL: db.url, PIXOLA_WORKER: "off", RATE_LIMIT: "off" });
    const issued = await fetch(`${app.url}/api/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "availability@example.com" }),
    });
    ({ key } = await issued.json());
  }, 120_000);
  afterAll(async () => {
    await worker?.kill();
    await app?.stop();
    await db?.drop();
    await fake?.close();
  });

  it("with no worker running nothing is available, and a generate names the model and says so", async () => {
    const m = await models();
    expect(m.models.length).toBeGreaterThanOrEqual(40);
    expect(m.models.filter((x) => x.available)).toEqual([]);
    const r = await generate({ prompt: "a lighthouse", model: "flux-2" });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("bad_request");
    expect(r.body.error.message).toMatch(/^Model 'flux-2' .*no running worker .*\(fal\)\. Available models: none \(no worker is running\)\.$/);
  });

  it("a worker with FAL_KEY makes flux-2 (and the embedded renderer) available; a flux-2 generation runs end to end", async () => {
    await startWorker();
    const m = await models();
    const bySlug = new Map(m.models.map((x) => [x.slug, x]));
    expect(bySlug.get("flux-2")).toMatchObject({ available: true, default: true });
    expect(bySlug.get("procedural")).toMatchObject({ available: true, default: false });
    expect(m.defaultModel).toBe("flux-2");
    // Exactly fal's models and the embedded renderer: the web process holds no keys, the worker only fal's.
    const providers = new Set(m.models.filter((x) => x.available).map((x) => x.provider));
    expect([...providers].sort()).toEqual(["embedded", "fal"]);
    expect(m.models.filter((x) => x.provider === "fal").every((x) => x.available)).toBe(true);

    const r = await generate({ prompt: "a lighthouse at dusk", model: "flux-2" });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ model: "flux-2", status: "queued", count: 1 });
    const deadline = Date.now() + 30_000;
    let batch: any;
    for (;;) {
      batch = await (await fetch(`${app.url}/api/v1/batches/${r.body.batchId}`, { headers: { authorization: `Bearer ${key}` } })).json();
      if (!["queued", "running"].includes(batch.status) || Date.now() > deadline) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(batch, worker!.output()).toMatchObject({ status: "succeeded", creditsCharged: 15, creditsRefunded: 0 });

    // One fal job, asked for the square shape's size, and fetched back into Pixola's own store.
    expect(fake.submissions()).toBe(1);
    expect(fake.violations).toEqual([]);
    const submitted = fake.requests.find((q) => q.method === "POST")!.body as { prompt: string; image_size: { width: number; height: number } };
    expect(submitted.prompt).toBe("a lighthouse at dusk");
    const [img] = batch.images;
    expect(img).toMatchObject({ status: "succeeded", mimeType: "image/png", width: submitted.image_size.width, height: submitted.image_size.height });
    expect(img.url.startsWith(`${app.url}/files/`)).toBe(true);
    expect(img.url.startsWith(fake.url)).toBe(false);
    const file = await fetch(img.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect(meta.format).toBe("png");
    expect([meta.width, meta.height]).toEqual([submitted.image_size.width, submitted.image_size.height]);
  }, 120_000);

  it("a worker stopped with SIGTERM retires at once: flux-2 is unavailable well within the heartbeat window, and a generate answers 400", async () => {
    const stopping = Date.now();
    const exit = await worker!.terminate();
    const exitedMs = Date.now() - stopping;
    expect(exit, worker!.output()).toBe(0);
    const goneMs = await timeUntil(async () => (await availability()).get("flux-2") === false, 20_000, "flux-2 still available");
    const totalMs = Date.now() - stopping;
    console.log(`SIGTERM: worker exited after ${exitedMs} ms; flux-2 unavailable ${goneMs} ms later (${totalMs} ms after the signal)`);
    expect(totalMs).toBeLessThanOrEqual(16_000);
    // Retiring deletes the row, so only the web process's 1 s cache stands between exit and "unavailable".
    expect(goneMs).toBeLessThanOrEqual(2_000);
    expect((await availability()).get("procedural")).toBe(false);

    const r = await generate({ prompt: "a lighthouse", model: "flux-2" });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^Model 'flux-2' .*no running worker is configured for its provider \(fal\)\. Available models: none \(no worker is running\)\.$/);
  }, 60_000);

  it("a worker killed with SIGKILL (no retire) drops out when its heartbeat expires: within 15 s plus the 1 s cache", async () => {
    await startWorker();
    // Kill it just after a heartbeat, the worst case: its row then stays live the full 15 s.
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    const lastBeat = async () => (await sql<{ at: string }[]>`select max(seen_at)::text as at from workers`)[0].at;
    const before = await lastBeat();
    try {
      await timeUntil(async () => (await lastBeat()) !== before, 10_000, "no heartbeat");
    } finally {
      await sql.end();
    }
    const killed = Date.now();
    await worker!.kill();
    await timeUntil(async () => (await availability()).get("flux-2") === false, 25_000, "flux-2 still available after SIGKILL");
    const ms = Date.now() - killed;
    console.log(`SIGKILL just after a heartbeat: flux-2 unavailable ${ms} ms after the kill`);
    // 15 s live + at most 1 s of the web process's cache; the slack is the 100 ms poll and its request.
    expect(ms).toBeGreaterThan(14_000);
    expect(ms).toBeLessThanOrEqual(16_000 + 500);
    const r = await generate({ prompt: "a lighthouse", model: "flux-2" });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^Model 'flux-2' .*no running worker .*Available models: none \(no worker is running\)\.$/);
  }, 120_000);
});
