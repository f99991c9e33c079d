/**
 * History at scale (issue 14, item 5), in one run:
 * 1. `GET /api/v1/images` (list_images' REST twin, same verb) on the built app with one keep-alive
 *    connection: p99 for a user with 100k images against a user with 1k, and a deep page of the
 *    100k user (cursor at image 10,001, from the bottom), taking turns in rounds; once on embedded
 *    PGlite (never analyzed, as PGlite has no autovacuum) and once on PostgreSQL (analyzed after
 *    the bulk insert, as autovacuum would). Each user also has as many ledger rows as images.
 * 2. Credit reservations per second through submitGeneration on PostgreSQL: 32 submitters on one
 *    wallet against 32 submitters on 32 wallets (a pool of 32 connections), in alternating rounds;
 *    afterwards every wallet's SUM(ledger) = balance and its reserves = its accepted submits.
 * Run: npx next build && source scripts/start-services.sh && npx tsx bench/history-scale.bench.ts
 * PostgreSQL from BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh database per part).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { seedCatalogFromEnv } from "@/lib/catalog/seed-from-env";
import { encodeCursor } from "@/lib/pagination/keyset";
import { ensureUser } from "@/lib/users/ensure-user";
import { startAppServer } from "../tests/helpers/app-server";
import { createEmptyPostgres } from "../tests/helpers/empty-postgres";
import { seedHistory } from "../tests/helpers/seed-history";
import { combineRounds, fmt, runLoad, type LoadResult } from "./lib/load";
import { measureReservations } from "./lib/reservations";

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BIG = 100_000;
const SMALL = 1_000;
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const ONLY = process.env.BENCH_ONLY; // "pglite" | "postgres" | "reservations"


/** The two users and their history, written before the app starts (PGlite allows one process). */
async function prepare(db: Db, analyze: boolean) {
  const t0 = performance.now();
  await seedCatalogFromEnv(db, {}); // the plans, as the app seeds them at boot
  const big = await ensureUser(db, "big@example.com");
  const small = await ensureUser(db, "small@example.com");
  const h = await seedHistory(db, { userId: big.id, tag: "big", images: BIG, ledger: BIG });
  await seedHistory(db, { userId: small.id, tag: "small", images: SMALL, ledger: SMALL });
  if (analyze) await db.execute(sql`analyze`);
  return { deepCursor: encodeCursor({ createdAt: h.createdAt(10_001), id: h.imageId(10_001) }), seedS: (performance.now() - t0) / 1000 };
}

async function listOn(database: "pglite" | "postgres") {
  const pg = database === "postgres" ? await createEmptyPostgres() : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-bench-history-"));
  const handle = await openDatabase(pg ? { url: pg.url } : { dataDir: path.join(dataDir, "pglite") });
  const { deepCursor, seedS } = await prepare(handle.db, !!pg).finally(() => handle.close());
  const app = await startAppServer({ LOG_LEVEL: "error", RATE_LIMIT: "off", DATABASE_URL: pg?.url }, { dataDir, wasmTierUp: true });
  try {
    const keyFor = async (email: string) => {
      const r = await fetch(`${app.url}/api/admin/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
      return { authorization: `Bearer ${(await r.json()).key}` };
    };
    const specs = {
      [`${BIG / 1000}k images, first page`]: { path: "/api/v1/images", headers: await keyFor("big@example.com") },
      [`${SMALL / 1000}k images, first page`]: { path: "/api/v1/images", headers: await keyFor("small@example.com") },
      [`${BIG / 1000}k images, page at image 10,001`]: { path: `/api/v1/images?cursor=${deepCursor}`, headers: await keyFor("big@example.com") },
    };
    for (const [name, s] of Object.entries(specs)) {
      const r = await fetch(`${app.url}${s.path}`, { headers: s.headers });
      const body = await r.json();
      if (r.status !== 200 || body.images.length !== 20) throw new Error(`${name}: ${r.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
    const load = (s: { path: string; headers: Record<string, string> }, ms: number) =>
      runLoad(`${app.url}${s.path}`, { connections: 1, durationMs: ms, headers: s.headers });
    const rounds: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(specs).map((k) => [k, []]));
    for (const s of Object.values(specs)) await load(s, 1000);
    for (let i = 0; i < ROUNDS; i++) for (const [k, s] of Object.entries(specs)) rounds[k].push(await load(s, ROUND_MS));
    return { seedS, results: Object.fromEntries(Object.entries(rounds).map(([k, r]) => [k, combineRounds(r)])) };
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await pg?.drop();
  }
}

console.log(
  `node ${process.version}, ${os.availableParallelism()} CPUs, load average ${fmt(os.loadavg()[0], 2)}; ` +
    `GET /api/v1/images (limit 20) on one keep-alive connection, ${ROUNDS} rounds of ${ROUND_MS / 1000} s per row, rows alternating\n`,
);
for (const database of ["pglite", "postgres"] as const) {
  if (ONLY && ONLY !== database) continue;
  if (database === "postgres" && !PG_ADMIN) {
    console.log("PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n");
    continue;
  }
  const { seedS, results } = await listOn(database);
  const small = results[`${SMALL / 1000}k images, first page`];
  console.log(`${database === "pglite" ? "embedded PGlite (no statistics)" : "PostgreSQL (analyzed)"}, seeded in ${fmt(seedS)} s:\n`);
  console.log("| list | req/s | p50 ms | p99 ms | p99 × 1k user's | errors |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, r] of Object.entries(results)) {
    console.log(`| ${name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.p99 / small.p99, 2)} | ${r.errors} |`);
  }
  const big = results[`${BIG / 1000}k images, first page`];
  console.log(`\np99, 100k-image user / 1k-image user = ${fmt(big.p99 / small.p99, 2)} (target ≤ 2: ${big.p99 / small.p99 <= 2 ? "met" : "NOT met"})\n`);
}

if (!ONLY || ONLY === "reservations") {
  if (!PG_ADMIN) console.log("Reservations: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
  else {
    const r = await measureReservations({ roundMs: ROUND_MS, rounds: ROUNDS });
    console.log(`submitGeneration on PostgreSQL ${r.serverVersion}, 32 submitters, pool of 32, ${ROUNDS} rounds of ${ROUND_MS / 1000} s each, alternating:\n`);
    console.log("| wallets | reservations/s | p50 ms | p99 ms | errors |");
    console.log("|---|---|---|---|---|");
    for (const [name, x] of Object.entries(r.results)) console.log(`| ${name} | ${fmt(x.rps, 0)} | ${fmt(x.p50, 2)} | ${fmt(x.p99, 2)} | ${x.errors} |`);
    const ratio = r.results["1 wallet"].rps / r.results["32 wallets"].rps;
    console.log(`\nreservations/s, one wallet / 32 wallets = ${fmt(ratio, 2)} (target ≥ 0.5: ${ratio >= 0.5 ? "met" : "NOT met"})`);
    console.log(`ledgers: ${r.problems.length ? `NOT exact:\n${r.problems.join("\n")}` : `exact (${r.wallets} wallets: SUM(ledger) = balance, reserves = accepted submits = batches)`}`);
    if (r.problems.length) process.exitCode = 1;
  }
}
