/**
 * Pixola's cost above the Next.js floor (issue 14): on the built app, GET /api/ping (a constant
 * body: the floor), POST /api/ping (the same after reading a request body: the floor of a route
 * that takes one, as /mcp does), POST /mcp tools/list and tools/call list_models, and keyed GET /api/v1/credits
 * (one fresh balance read), and the floor once more (an A/A row: the noise of every ratio), taking turns in short rounds so a change in machine load hits all
 * alike; once on embedded PGlite and once on PostgreSQL (BENCH_DATABASE_URL or
 * TEST_DATABASE_URL: a fresh database), with the bare MCP handler on node:http beside them.
 * Run: npx next build && npx tsx bench/fast-paths.bench.ts
 * BENCH_CPU_PROF_DIR=<dir> writes a CPU profile of the app per measured route there instead
 * (app-<database>-<route>.cpuprofile, for Chrome DevTools or bench/lib/profile-summary.ts).
 * Diagnostics: BENCH_ROUND_LOG=1 prints each round (its start in s since the measured rounds began, p50,
 * p99, slowest); BENCH_APP_NODE_OPTIONS sets the app's NODE_OPTIONS (e.g. `--import` of a file
 * that calls v8.setFlagsFromString("--trace-gc")) and BENCH_APP_OUTPUT=<file> keeps its output.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { startAppServer } from "../tests/helpers/app-server";
import { createEmptyPostgres } from "../tests/helpers/empty-postgres";
import { combineRounds, fmt, runLoad, type LoadResult } from "./lib/load";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const ONLY = process.env.BENCH_ONLY; // "pglite" | "postgres"
// "shuffled" (the default): each round takes the routes in a new order (seeded: BENCH_SEED), so
// a periodic event of the server's (its old-generation collection every 8-15 s, about one
// cycle of six 2-s rounds) cannot fall on the same route every round. "fixed": listed order.
const ORDER = process.env.BENCH_ORDER === "fixed" ? "fixed" : "shuffled";
const ORDER_SEED = Number(process.env.BENCH_SEED ?? 14);
const ROUND_LOG = process.env.BENCH_ROUND_LOG === "1";
const HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
const rpc = (method: string, params?: unknown) => JSON.stringify({ jsonrpc: "2.0", id: 1, method, ...(params ? { params } : {}) });
type Spec = { path: string; method?: string; headers?: Record<string, string>; body?: string };


/** A small seeded PRNG (mulberry32): the same seed gives the same orders. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function shuffle<T>(items: T[], random: () => number) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/**
 * Requests slower than SLOW_MS per second of the route's measured time. A stall of the server
 * (a collection, a descheduled thread) delays about one request per connection whatever the
 * route, so the same stalls are a larger share of a slower route's requests: its p99 rises with
 * no cost of its own. Equal figures here mean the routes meet the same stalls.
 */
const SLOW_MS = 100;
const slowPerSecond = (r: LoadResult) => r.latencies.filter((l) => l >= SLOW_MS).length / (r.requests / r.rps);

const load = (base: string, s: Spec, ms: number, agent?: http.Agent) =>
  runLoad(`${base}${s.path}`, { connections: CONNECTIONS, durationMs: ms, method: s.method, headers: s.headers, body: s.body, agent });

/**
 * Each spec in turn, ROUNDS times, after a short warm-up of each; every route on its own
 * CONNECTIONS keep-alive connections, opened in the warm-up and kept to the end, as an MCP host
 * or a REST client keeps its connections (opening them is not a route's cost).
 */
async function measure(base: string, specs: Record<string, Spec>) {
  const rounds: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(specs).map((k) => [k, []]));
  const agents = Object.fromEntries(Object.keys(specs).map((k) => [k, new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS })]));
  try {
    for (const [k, s] of Object.entries(specs)) await load(base, s, 700, agents[k]);
    const random = seeded(ORDER_SEED);
    const t0 = performance.now();
    for (let i = 0; i < ROUNDS; i++) {
      const names = Object.keys(specs);
      if (ORDER === "shuffled") shuffle(names, random);
      for (const k of names) {
        const at = (performance.now() - t0) / 1000;
        const r = await load(base, specs[k], ROUND_MS, agents[k]);
        rounds[k].push(r);
        if (ROUND_LOG) console.log(`round ${i + 1} at ${fmt(at, 1)} s: ${k}: p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms, max ${fmt(r.latencies.at(-1) ?? NaN, 1)} ms`);
      }
    }
  } finally {
    for (const agent of Object.values(agents)) agent.destroy();
  }
  return rounds;
}

const combineAll = (rounds: Record<string, LoadResult[]>) => Object.fromEntries(Object.entries(rounds).map(([k, r]) => [k, combineRounds(r)]));

async function runOn(database: "pglite" | "postgres") {
  const db = database === "postgres" ? await createEmptyPostgres() : undefined;
  const prof = process.env.BENCH_CPU_PROF_DIR;
  if (prof) fs.mkdirSync(prof, { recursive: true });
  const app = await startAppServer({
    LOG_LEVEL: "error",
    RATE_LIMIT: "off",
    DATABASE_URL: db?.url,
    ...(prof ? { NODE_OPTIONS: `--import ${path.resolve("bench/lib/cpu-profile-preload.mjs")}`, BENCH_CPU_PROF_DIR: prof } : {}),
    ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}),
  }, { wasmTierUp: true });
  try {
    const issued = await fetch(`${app.url}/api/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "bench@example.com" }),
    });
    const { key } = await issued.json();
    const auth = { authorization: `Bearer ${key}` };
    const specs: Record<string, Spec> = {
      "GET /api/ping (floor)": { path: "/api/ping" },
      // Every /mcp request is a POST: Next's intake of its body is part of any such route's floor.
      "POST /api/ping (floor with a body)": { path: "/api/ping", method: "POST", headers: HEADERS, body: rpc("tools/call", { name: "list_models", arguments: {} }) },
      "/mcp tools/list": { path: "/mcp", method: "POST", headers: { ...HEADERS, ...auth }, body: rpc("tools/list") },
      "/mcp tools/call list_models": { path: "/mcp", method: "POST", headers: { ...HEADERS, ...auth }, body: rpc("tools/call", { name: "list_models", arguments: {} }) },
      "GET /api/v1/credits (keyed)": { path: "/api/v1/credits", headers: auth },
      // The floor measured a second time in the same turns: how far two runs of one route differ
      // (mostly in p99) is the noise every other ratio carries.
      "GET /api/ping (floor, again)": { path: "/api/ping" },
    };
    for (const [name, s] of Object.entries(specs)) {
      const r = await fetch(`${app.url}${s.path}`, { method: s.method, headers: s.headers, body: s.body });
      if (r.status !== 200) throw new Error(`${name}: ${r.status} ${await r.text()}`);
    }
    // The bare handler answers list_models from the app's own answer.
    const models = await (await fetch(`${app.url}/mcp`, { method: "POST", headers: { ...HEADERS, ...auth }, body: specs["/mcp tools/call list_models"].body })).text();
    const json = models.startsWith("event:") ? models.split("\n").find((l) => l.startsWith("data: "))!.slice(6) : models;
    if (prof) {
      for (const [name, s] of Object.entries(specs)) await profileRoute(app.pid, app.url, s, path.join(prof, `app-${database}-${name.replace(/\W+/g, "_")}`));
      return { rounds: {}, listModels: undefined };
    }
    return { rounds: await measure(app.url, specs), listModels: JSON.parse(json).result.structuredContent };
  } finally {
    if (process.env.BENCH_APP_OUTPUT) fs.writeFileSync(process.env.BENCH_APP_OUTPUT, app.output());
    await app.stop();
    await db?.drop();
  }
}

/** One route under load with the app's profiler on (bench/lib/cpu-profile-preload.mjs). */
async function profileRoute(pid: number, base: string, s: Spec, file: string) {
  await load(base, s, 700);
  process.kill(pid, "SIGUSR2");
  const r = await load(base, s, ROUND_MS * ROUNDS);
  process.kill(pid, "SIGUSR2");
  console.log(`${path.basename(file)}: ${r.requests} requests profiled`);
  await new Promise((r) => setTimeout(r, 1500));
  const written = path.join(path.dirname(file), "current.cpuprofile");
  if (fs.existsSync(written)) fs.renameSync(written, `${file}.cpuprofile`);
}

async function runBare(listModels: unknown) {
  const answers = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pixola-bench-")), "list-models.json");
  fs.writeFileSync(answers, JSON.stringify(listModels));
  const child = spawn(process.execPath, ["--import", "tsx", "bench/mcp-bare-server.ts", answers], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve) => child.stdout.once("data", (d) => resolve(String(d).trim())));
  try {
    const base = url.replace(/\/mcp$/, "");
    return combineAll(await measure(base, {
      "bare tools/list": { path: "/mcp", method: "POST", headers: HEADERS, body: rpc("tools/list") },
      "bare tools/call list_models": { path: "/mcp", method: "POST", headers: HEADERS, body: rpc("tools/call", { name: "list_models", arguments: {} }) },
    }));
  } finally {
    child.kill();
  }
}

console.log(
  `${CONNECTIONS} keep-alive connections per route (opened in its warm-up, kept), ${ROUNDS} rounds of ${ROUND_MS / 1000} s per route, routes alternating (${ORDER === "shuffled" ? `order shuffled each round, seed ${ORDER_SEED}` : "fixed order"}), ` +
    `p50 and p99 over all of a route's requests; ` +
    `node ${process.version}, ${os.availableParallelism()} CPUs, load average ${fmt(os.loadavg()[0], 2)}\n`,
);
let listModels: unknown;
for (const database of ["pglite", "postgres"] as const) {
  if (ONLY && ONLY !== database) continue;
  if (database === "postgres" && !PG_ADMIN) {
    console.log("PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n");
    continue;
  }
  const run = await runOn(database);
  if (process.env.BENCH_CPU_PROF_DIR) continue;
  listModels = run.listModels;
  const results = combineAll(run.rounds);
  // The reference is the floor over both its rows' rounds: twice the samples of any other route.
  const floor = combineRounds([...run.rounds["GET /api/ping (floor)"], ...run.rounds["GET /api/ping (floor, again)"]]);
  const postFloor = results["POST /api/ping (floor with a body)"];
  const [a, b] = [results["GET /api/ping (floor)"], results["GET /api/ping (floor, again)"]];
  console.log(`${database === "pglite" ? "embedded PGlite" : "PostgreSQL"}:\n`);
  console.log(`A/A: the floor's two rows differ by ${fmt(Math.max(a.rps, b.rps) / Math.min(a.rps, b.rps), 2)}× in req/s and ${fmt(Math.max(a.p99, b.p99) / Math.min(a.p99, b.p99), 2)}× in p99; ratios below are to both rows together (${fmt(floor.rps, 0)} req/s, p99 ${fmt(floor.p99, 2)} ms).\n`);
  console.log(`| route | req/s | × floor | × POST floor | p50 ms | p99 ms | p99 × floor's | over ${SLOW_MS} ms, per s | errors |`);
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const [name, r] of Object.entries(results)) {
    const overPost = name.startsWith("/mcp") ? fmt(r.rps / postFloor.rps, 2) : "";
    console.log(
      `| ${name} | ${fmt(r.rps, 0)} | ${fmt(r.rps / floor.rps, 2)} | ${overPost} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.p99 / floor.p99, 2)} | ${fmt(slowPerSecond(r), 1)} | ${r.errors} |`,
    );
  }
  console.log("");
}
if (listModels && !process.env.BENCH_CPU_PROF_DIR) {
  const bare = await runBare(listModels);
  console.log("bare MCP handler (lib/mcp/hosted/handler.ts on node:http, no Next.js, no key, fixed answers):\n");
  console.log("| route | req/s | p50 ms | p99 ms | errors |");
  console.log("|---|---|---|---|---|");
  for (const [name, r] of Object.entries(bare)) console.log(`| ${name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors} |`);
}
