/**
 * Does the embedded renderer stall the web process? p99 of GET /api/health on the built app
 * (next start, PGlite, fresh DATA_DIR, embedded default) with the worker idle, then with the
 * renderer at full load — the queue filled beforehand, through REST, with more embedded images
 * than the render pool takes during the phase — measured side by side in one run.
 * Target: busy p99 within 5 ms of idle p99. The phases alternate (ROUNDS of each) so that
 * other load on the host, which comes and goes, weighs on both alike.
 *
 * The probe is open-loop (BENCH_RPS requests/s at fixed intervals): a closed loop would keep
 * the event loop saturated by itself, and then every bit of the generation flow's own work on
 * the main thread (PGlite queries, the feeder's REST calls) would show as queueing.
 * Run: npx next build && npx tsx bench/event-loop.bench.ts
 */
import os from "node:os";
import { startAppServer } from "../tests/helpers/app-server";
import { combineRounds, fmt, runPaced } from "./lib/load";

const RPS = Number(process.env.BENCH_RPS ?? 200);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 12_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const THREADS = Number(process.env.RENDER_THREADS || Math.max(1, os.availableParallelism() - 1));
const BATCH = 4;
const TARGET_MS = 5;

// BENCH_DATABASE_URL: the same measurement with PostgreSQL, whose queries run outside the web process.
const app = await startAppServer({ LOG_LEVEL: "error", RATE_LIMIT: "off", RENDER_THREADS: process.env.RENDER_THREADS, DATABASE_URL: process.env.BENCH_DATABASE_URL }, { wasmTierUp: true });

/** A fresh user (1,000 credits) and key; the feeder moves to a new one when credits run out. */
async function newKey(n: number): Promise<string> {
  const res = await fetch(`${app.url}/api/admin/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ email: `bench${n}@example.com`, name: "bench" }),
  });
  if (res.status !== 201) throw new Error(`could not create a key: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

interface Batch {
  status: string;
  images: { status: string }[];
}

/**
 * Fills the queue with more embedded images than the pool can render during one busy phase,
 * before the phase starts: during the measurement the web process does only what rendering
 * makes it do (claims, settles, thread messages), not the feeder's own REST calls.
 */
async function feeder() {
  let keys = 0;
  let key = "";
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${app.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const batch = async (id: string) => (await (await api(`/batches/${id}`)).json()) as Batch;
  const submit = async (i: number) => {
    for (;;) {
      if (!key) key = await newKey(++keys);
      const res = await api("/generate", { method: "POST", body: JSON.stringify({ prompt: `a lake at dusk ${i}`, model: "procedural", count: BATCH }) });
      if (res.status === 202) return ((await res.json()) as { batchId: string }).batchId;
      if (res.status === 409 || res.status === 402) {
        key = "";
        continue;
      }
      throw new Error(`submit failed: ${res.status} ${await res.text()}`);
    }
  };
  let n = 0;
  return {
    async fill(images: number) {
      const ids: string[] = [];
      for (let i = 0; i < Math.ceil(images / BATCH); i++) ids.push(await submit(n++));
      while ((await batch(ids[0])).status === "queued") await new Promise((r) => setTimeout(r, 20));
      return ids;
    },
    /** Images succeeded so far, and whether the last batch still had queued images (the pool never ran dry). */
    async count(ids: string[]) {
      const all = await Promise.all(ids.map(batch));
      const done = all.flatMap((b) => b.images).filter((i) => i.status === "succeeded").length;
      return { done, stillQueued: all[all.length - 1].images.some((i) => i.status === "queued") };
    },
    async drain(ids: string[]) {
      for (const id of ids) while (["queued", "running"].includes((await batch(id)).status)) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

try {
  const feed = await feeder();
  // Warm up: start the render threads and the routes, and JIT the health path.
  await feed.drain(await feed.fill(THREADS * 8));
  await runPaced(`${app.url}/api/health`, { rps: RPS, durationMs: 2000 });

  const phaseMs = DURATION_MS / ROUNDS;
  // Enough for 2.5× what the pool rendered per second in the warm-up's league: ~25 images/s per thread at most.
  const perPhase = Math.ceil(((25 * THREADS * phaseMs) / 1000) * 1.5);
  const idleRuns = [];
  const busyRuns = [];
  let rendered = 0;
  let busySeconds = 0;
  let checks = 0;
  let starved = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // The previous busy round's batches have finished (drained): nothing to render.
    idleRuns.push(await runPaced(`${app.url}/api/health`, { rps: RPS, durationMs: phaseMs }));
    const ids = await feed.fill(perPhase);
    const before = (await feed.count(ids)).done;
    const t0 = performance.now();
    busyRuns.push(await runPaced(`${app.url}/api/health`, { rps: RPS, durationMs: phaseMs }));
    busySeconds += (performance.now() - t0) / 1000;
    const after = await feed.count(ids);
    rendered += after.done - before;
    checks++;
    if (!after.stillQueued) starved++;
    await feed.drain(ids);
  }
  const idle = combineRounds(idleRuns);
  const busy = combineRounds(busyRuns);

  console.log(`GET /api/health — open loop, ${RPS} requests/s, ${ROUNDS} × ${phaseMs / 1000} s per phase, alternating; node ${process.version}, ${os.availableParallelism()} CPUs, RENDER_THREADS ${THREADS}, host load average ${fmt(os.loadavg()[0], 2)}`);
  console.log(`Busy phase: the queue filled beforehand with more embedded 1024² images than the pool renders in a phase; ${fmt(rendered / busySeconds, 1)} images/s rendered; images still waiting at the end of ${checks - starved} of ${checks} busy rounds.\n`);
  console.log("| phase | requests | p50 ms | p99 ms | errors |");
  console.log("|---|---|---|---|---|");
  for (const [name, r] of [["worker idle", idle], ["renderer at full load", busy]] as const) {
    console.log(`| ${name} | ${r.requests} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors} |`);
  }
  const perRound = (runs: { p99: number }[]) => runs.map((r) => fmt(r.p99, 1)).join(", ");
  console.log(`\np99 per round — idle: ${perRound(idleRuns)}; busy: ${perRound(busyRuns)}`);
  const diff = busy.p99 - idle.p99;
  console.log(`p99 busy − idle = ${fmt(diff, 2)} ms (target ≤ ${TARGET_MS} ms: ${diff <= TARGET_MS ? "met" : "NOT met"})`);
} finally {
  await app.stop();
}
