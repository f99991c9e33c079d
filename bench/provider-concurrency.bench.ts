/**
 * Provider concurrency: one worker process (scripts/worker.ts, as `npm run worker` runs it) against
 * a fake OpenAI Images API that answers every generation after a fixed 3 s, 256 gpt-image-1
 * images submitted as 64 batches of 4 through submitGeneration. Reports images/s from the first
 * submit to the last image settled and the peak number of requests open at the fake, against the
 * ideal PROVIDER_CONCURRENCY / (mean request duration at the fake), measured in the same run.
 *
 * Run: source scripts/start-services.sh && npx tsx bench/provider-concurrency.bench.ts
 * The PostgreSQL server comes from BENCH_DATABASE_URL, else TEST_DATABASE_URL (start-services.sh
 * exports it); a fresh database is created on it and dropped afterwards. With neither set the
 * bench falls back to an in-process worker (startWorker) on embedded PGlite and says so.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type Db, type DbHandle } from "@/db/client";
import { batches, creditLedger, images, wallets, workers } from "@/db/schema";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { seedCatalogFromEnv } from "@/lib/catalog/seed-from-env";
import { readConfig } from "@/lib/config";
import { ALL_SCOPES, type Ctx } from "@/lib/context";
import { submitGeneration } from "@/lib/generation/submit-generation";
import type { WorkerHandle } from "@/lib/generation/worker";
import { startConfiguredWorker } from "@/lib/runtime";
import { newId } from "@/lib/ids";
import { configureProviders } from "@/lib/providers/registry";
import { createLocalStore } from "@/lib/storage/local-store";
import { ensureUser } from "@/lib/users/ensure-user";
import { startFakeOpenAiProvider } from "../tests/fixtures/fake-openai";
import { fmt } from "./lib/load";

const IMAGES = Number(process.env.BENCH_IMAGES ?? 256);
const PER_BATCH = 4;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_PROVIDER_CONCURRENCY ?? 32);
const MODEL = "gpt-image-1";
const TARGET = 0.8;
const BATCHES = Math.ceil(IMAGES / PER_BATCH);

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-bench-pc-"));

// ── the fake provider, with its own clock on every request ──
const fake = await startFakeOpenAiProvider();
fake.setScenario("ok", { latencyMs: LATENCY_MS });
let open = 0;
let peak = 0;
const durations: number[] = [];
const starts: number[] = [];
const finishes: number[] = [];
let firstRequestAt = 0;
fake.server.on("request", (_req, res) => {
  const t0 = Date.now();
  if (!firstRequestAt) firstRequestAt = t0;
  starts.push(t0);
  peak = Math.max(peak, ++open);
  res.once("finish", () => {
    finishes.push(Date.now());
    durations.push(Date.now() - t0);
  });
  res.once("close", () => open--);
});

// ── the database and the worker ──
let handle: DbHandle;
let dropDatabase = async () => {};
let child: ChildProcess | null = null;
let inProcess: WorkerHandle | null = null;
let mode: string;
let stopping = false;

if (serverUrl) {
  const name = `pixola_bench_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  dropDatabase = async () => {
    const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await drop.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  };
  handle = await openDatabase({ url: url.toString() });
  await seedCatalogFromEnv(handle.db, {});
  // Exactly the product's worker entry point (npm run worker = tsx scripts/worker.ts), with only
  // the fake's key in its environment so it runs openai (and the always-present embedded renderer).
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME };
  Object.assign(env, fake.env, {
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    PROVIDER_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "inherit"] });
  child = proc;
  proc.once("exit", (code, signal) => {
    if (!stopping) {
      console.error(`worker process exited early (code ${code}, signal ${signal})`);
      process.exit(1);
    }
  });
  mode = `one worker process (scripts/worker.ts) on PostgreSQL ${(await pgVersion(handle.db)) ?? ""}`.trim();
} else {
  console.log("No BENCH_DATABASE_URL / TEST_DATABASE_URL: falling back to an in-process startWorker on embedded PGlite.\n");
  handle = await openDatabase({ dataDir: "memory://" });
  await seedCatalogFromEnv(handle.db, {});
  const config = readConfig({ DATA_DIR: dataDir, PROVIDER_CONCURRENCY: String(CONCURRENCY) } as unknown as NodeJS.ProcessEnv);
  const providers = configureProviders(fake.env);
  const store = createLocalStore({ root: path.join(dataDir, "images"), appUrl: "http://bench.local", secret: "bench", ttlSeconds: 3600 });
  inProcess = startConfiguredWorker(config, handle.db, store, providers);
  mode = "in-process startWorker on embedded PGlite (FALLBACK: no PostgreSQL)";
}
const db = handle.db;

async function pgVersion(d: Db): Promise<string | undefined> {
  const rows = (await d.execute(sql`show server_version`)) as unknown as { server_version: string }[];
  return rows[0]?.server_version?.split(" ")[0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

let failed = false;
try {
  // The worker announces its providers; until then gpt-image-1 is not available to submit.
  await waitFor(
    "the worker to announce openai",
    async () => (await db.select({ p: workers.providers }).from(workers)).some((w) => w.p.includes("openai")),
    60_000,
  );

  // A user with exactly enough credits, raised through the ledger so SUM(ledger) = balance holds.
  const price = (await loadCatalog(db)).modelBySlug.get(MODEL)!.priceStandard;
  const u = await ensureUser(db, "bench-provider-concurrency@example.com");
  await db.transaction(async (tx) => {
    const [w] = await tx
      .update(wallets)
      .set({ balance: sql`${wallets.balance} + ${IMAGES * price}` })
      .where(eq(wallets.userId, u.id))
      .returning({ balance: wallets.balance });
    await tx.insert(creditLedger).values({ id: newId("led"), userId: u.id, kind: "grant", amount: IMAGES * price, balanceAfter: w.balance, note: "bench grant" });
  });
  const [{ balance: before }] = await db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.userId, u.id));
  const ctx: Ctx = { db, userId: u.id, actor: { kind: "apiKey", keyId: "key_bench", scopes: ALL_SCOPES }, requestId: "req_bench" };

  // ── measured: first submit → last image settled ──
  const t0 = Date.now();
  const submitted = await Promise.all(
    Array.from({ length: BATCHES }, (_, i) =>
      submitGeneration({
        ctx,
        input: { prompt: `provider concurrency bench, batch ${i}`, model: MODEL, count: Math.min(PER_BATCH, IMAGES - i * PER_BATCH) },
        appUrl: "http://bench.local",
      }),
    ),
  );
  const submitMs = Date.now() - t0;
  await waitFor(
    "every image to settle",
    async () => {
      const [r] = await db.select({ n: count() }).from(images).where(sql`${images.status} in ('succeeded', 'failed')`);
      return Number(r.n) >= IMAGES;
    },
    Math.max(120_000, (IMAGES / CONCURRENCY) * LATENCY_MS * 4),
  );
  const [{ last }] = await db.select({ last: sql<string>`max(${images.completedAt})` }).from(images);
  const wallS = (new Date(last).getTime() - t0) / 1000;

  // ── correctness: every image succeeded once, every batch charged exactly once ──
  const problems: string[] = [];
  const byStatus = await db.select({ status: images.status, n: count() }).from(images).groupBy(images.status);
  const succeeded = Number(byStatus.find((r) => r.status === "succeeded")?.n ?? 0);
  if (succeeded !== IMAGES) problems.push(`images by status: ${JSON.stringify(byStatus)}`);
  const [{ noKey }] = await db.select({ noKey: count() }).from(images).where(sql`${images.storageKey} is null`);
  if (Number(noKey)) problems.push(`${noKey} images have no stored file`);
  const rows = await db.select().from(batches);
  if (rows.length !== BATCHES) problems.push(`${rows.length} batches, expected ${BATCHES}`);
  for (const b of rows) {
    if (b.status !== "succeeded" || b.creditsCharged !== b.unitPrice * b.count || b.creditsCharged !== b.creditsReserved || b.creditsRefunded !== 0) {
      problems.push(`batch ${b.id}: ${b.status}, reserved ${b.creditsReserved}, charged ${b.creditsCharged}, refunded ${b.creditsRefunded}`);
    }
  }
  const ledger = await db
    .select({ kind: creditLedger.kind, batchId: creditLedger.batchId, n: count(), sum: sql<number>`sum(${creditLedger.amount})::int` })
    .from(creditLedger)
    .where(and(eq(creditLedger.userId, u.id), sql`${creditLedger.batchId} is not null`))
    .groupBy(creditLedger.kind, creditLedger.batchId);
  for (const b of rows) {
    const entries = ledger.filter((l) => l.batchId === b.id);
    if (entries.length !== 1 || entries[0].kind !== "reserve" || Number(entries[0].n) !== 1 || Number(entries[0].sum) !== -b.creditsReserved) {
      problems.push(`batch ${b.id} ledger: ${JSON.stringify(entries)}`);
    }
  }
  const [{ balance: after }] = await db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.userId, u.id));
  const [{ total }] = await db.select({ total: sql<number>`sum(${creditLedger.amount})::int` }).from(creditLedger).where(eq(creditLedger.userId, u.id));
  if (after !== before - IMAGES * price) problems.push(`balance ${after}, expected ${before - IMAGES * price}`);
  if (Number(total) !== after) problems.push(`SUM(ledger) ${total} != balance ${after}`);
  if (fake.submissions() !== IMAGES) problems.push(`the fake received ${fake.submissions()} generation requests, expected ${IMAGES}`);
  if (fake.violations.length) problems.push(`contract violations: ${fake.violations.slice(0, 3).join("; ")}`);
  if (submitted.length !== BATCHES) problems.push("not every batch was submitted");

  // ── report ──
  const meanS = durations.reduce((a, b) => a + b, 0) / durations.length / 1000;
  const sorted = [...durations].sort((a, b) => a - b);
  const ideal = CONCURRENCY / meanS;
  const rate = IMAGES / wallS;
  const ratio = rate / ideal;
  console.log(`Provider concurrency — ${mode}; PROVIDER_CONCURRENCY=${CONCURRENCY}; fake OpenAI with ${LATENCY_MS / 1000} s latency per request\n`);
  console.log("| images | wall s | images/s | peak in flight | ideal images/s | ratio | target | met |");
  console.log("|---|---|---|---|---|---|---|---|");
  console.log(`| ${IMAGES} | ${fmt(wallS, 2)} | ${fmt(rate, 2)} | ${peak} | ${fmt(ideal, 2)} | ${fmt(ratio, 3)} | ${TARGET} | ${ratio >= TARGET ? "yes" : "no"} |`);
  console.log(
    `\nrequest duration at the fake: mean ${fmt(meanS * 1000, 0)} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms (${durations.length} requests); ` +
      `${BATCHES} submits took ${submitMs} ms; first request reached the fake ${firstRequestAt - t0} ms after the first submit`,
  );
  // Slot refill: the k-th answer frees the slot the (CONCURRENCY + k)-th request takes, so the
  // gap between them is the worker's own time per image (settle, wake, claim, start).
  const refill = finishes
    .slice(0, Math.max(0, starts.length - CONCURRENCY))
    .map((f, k) => starts[CONCURRENCY + k] - f)
    .sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  if (refill.length) console.log(`slot refill (answer at the fake → next request on the freed slot): p50 ${pct(refill, 50)} ms, p95 ${pct(refill, 95)} ms, max ${refill.at(-1)} ms`);
  console.log(
    `lower bound at this concurrency: ceil(${IMAGES}/${CONCURRENCY}) × mean = ${fmt(Math.ceil(IMAGES / CONCURRENCY) * meanS, 2)} s ` +
      `(${fmt(IMAGES / (Math.ceil(IMAGES / CONCURRENCY) * meanS), 2)} images/s)`,
  );
  if (problems.length) {
    failed = true;
    console.error(`\nFAILED checks:\n- ${problems.join("\n- ")}`);
  } else {
    console.log(`checks: ${IMAGES}/${IMAGES} images succeeded, ${BATCHES} batches each charged once (one reserve, charged = reserved, no refund), SUM(ledger) = balance, ${IMAGES} provider calls`);
  }
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  stopping = true;
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  await inProcess?.stop();
  await fake.close();
  await handle.close();
  await dropDatabase().catch((e) => console.error("could not drop the bench database", e));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
