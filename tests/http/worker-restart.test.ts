import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeFal } from "../fixtures/fake-fal";
import type { FakeProvider } from "../fixtures/fake-provider";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { waitFor } from "../helpers/wait-for";

/**
 * The embedded default: PGlite and the worker inside the web process. The process is killed
 * with SIGKILL while a fal job is pending, then started again on the same DATA_DIR: the
 * restarted worker takes the image over once the dead process's lease has run out, resumes the
 * stored provider job (no second submission), and the user is charged once.
 */
describe("the web process killed mid-job and restarted on the same data directory (embedded PGlite)", () => {
  let fake: FakeProvider;
  let first: AppServer | undefined;
  let second: AppServer | undefined;
  const appEnv = () => ({ ...fake.env, RATE_LIMIT: "off", LOG_LEVEL: "error" });

  beforeAll(async () => {
    fake = await startFakeFal();
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop(); // removes the data directory (it created it)
    await fake?.close();
  });

  const api = async (app: AppServer, key: string, path: string, init: { json?: unknown } = {}) => {
    const res = await fetch(`${app.url}/api/v1${path}`, {
      method: init.json === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${key}`, ...(init.json === undefined ? {} : { "content-type": "application/json" }) },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    return { status: res.status, body: await res.json() };
  };
  const isStatus = (q: { method: string; url: string }) => q.method === "GET" && q.url.endsWith("/status");

  it("finishes the batch after the restart with one provider submission and one charge", async () => {
    // Pending until the restarted process has been seen polling; then done two checks later.
    fake.setScenario("poll", { pendingChecks: 1_000_000 });
    first = await startAppServer(appEnv());

    const issued = await fetch(`${first.url}/api/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${first.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "restart@example.com" }),
    });
    expect(issued.status).toBe(201);
    const { key } = (await issued.json()) as { key: string };

    const sub = await api(first, key, "/generate", { json: { prompt: "a lighthouse in a storm", model: "flux-2" } });
    expect(sub.status).toBe(202);
    const { batchId, creditsReserved } = sub.body as { batchId: string; creditsReserved: number };
    expect(creditsReserved).toBeGreaterThan(0);

    // The job was submitted and its handle stored: the worker only polls after saving it.
    await waitFor(() => fake.submissions() === 1 && fake.requests.some(isStatus), { what: "the job's submission and first status check", timeoutMs: 30_000 });
    const jobId = (fake.requests.find(isStatus)!.url.match(/requests\/([^/]+)\/status/) ?? [])[1];
    expect(jobId).toBeTruthy();

    await first.kill("SIGKILL");
    const killedAt = Date.now();

    second = await startAppServer(appEnv(), { dataDir: first.dataDir });
    const restartedAt = Date.now();
    // The restarted worker takes the image over when the dead process's lease expires (10 s).
    const resumed = await waitFor(() => fake.requests.find((q) => isStatus(q) && q.at > killedAt), {
      what: "the restarted worker to poll the same job",
      timeoutMs: 30_000,
    });
    expect(resumed.url).toContain(jobId);
    const checks = fake.requests.filter(isStatus).length;
    fake.setScenario("poll", { pendingChecks: checks + 2 });

    const batch = await waitFor(
      async () => {
        const r = await api(second!, key, `/batches/${batchId}`);
        expect(r.status).toBe(200);
        return ["queued", "running"].includes(r.body.status) ? null : r.body;
      },
      { what: "the batch to finish", timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(batch).toMatchObject({ status: "succeeded", creditsCharged: creditsReserved, creditsRefunded: 0 });
    const file = await fetch(batch.images[0].url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");

    expect(fake.violations).toEqual([]);
    expect(fake.submissions()).toBe(1);
    // Every status check was for the one job.
    expect(fake.requests.filter(isStatus).every((q) => q.url.includes(jobId))).toBe(true);
    const credits = await api(second, key, "/credits");
    expect(credits.body.balance).toBe(1000 - creditsReserved);
    console.info(
      `worker-restart: restarted ${restartedAt - killedAt} ms after SIGKILL, first status check after ${resumed.at - killedAt} ms`,
    );
  }, 150_000);
});
