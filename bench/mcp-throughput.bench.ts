/**
 * POST /mcp `tools/list` and `tools/call list_models` on the built app (next start, key check,
 * rate limiter off; embedded PGlite, or PostgreSQL with BENCH_DATABASE_URL) against a bare
 * mcp-handler server on node:http that returns the same answers, measured side by side in one
 * run, in both protocol eras.
 * Run: npx next build && npx tsx bench/mcp-throughput.bench.ts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer } from "../tests/helpers/app-server";
import { combineRounds, fmt, runLoad, type LoadResult } from "./lib/load";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 6000);
// The two servers take turns in short rounds, so a change in machine load hits both alike.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MODERN = "2026-07-28";

/** A JSON-RPC request as a 2025-era client (or the seed's curl) sends it, or as a 2026-07-28 one. */
function request(era: "legacy" | "modern", method: string, params: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  const body: Record<string, unknown> = { jsonrpc: "2.0", id: 1, method };
  if (era === "modern") {
    headers["mcp-protocol-version"] = MODERN;
    headers["mcp-method"] = method;
    if (typeof params.name === "string") headers["mcp-name"] = params.name;
    body.params = {
      ...params,
      _meta: {
        "io.modelcontextprotocol/protocolVersion": MODERN,
        "io.modelcontextprotocol/clientInfo": { name: "bench", version: "1" },
        "io.modelcontextprotocol/clientCapabilities": {},
      },
    };
  } else if (Object.keys(params).length) body.params = params;
  return { method: "POST", headers, body: JSON.stringify(body) };
}

/** The JSON-RPC result of an answer sent as JSON or as one SSE message. */
function resultOf(text: string): unknown {
  const json = text.startsWith("event:") ? text.split("\n").find((l) => l.startsWith("data: "))!.slice(6) : text;
  const { result } = JSON.parse(json);
  if (!result) throw new Error(`no result in ${text.slice(0, 300)}`);
  return result;
}

// BENCH_DATABASE_URL runs the app on PostgreSQL, where the key lookup leaves the Node thread.
const app = await startAppServer({ LOG_LEVEL: "error", RATE_LIMIT: "off", DATABASE_URL: process.env.BENCH_DATABASE_URL }, { wasmTierUp: true });
try {
  const admin = await fetch(`${app.url}/api/admin/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@example.com" }),
  });
  const { key } = await admin.json();
  const auth = { authorization: `Bearer ${key}` };
  const appUrl = `${app.url}/mcp`;

  const models = await fetch(appUrl, { ...request("legacy", "tools/call", { name: "list_models", arguments: {} }), headers: { ...request("legacy", "tools/list").headers, ...auth } });
  const answers = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pixola-bench-")), "list-models.json");
  fs.writeFileSync(answers, JSON.stringify((resultOf(await models.text()) as { structuredContent: unknown }).structuredContent));
  const bareProcess = spawn(process.execPath, ["--import", "tsx", "bench/mcp-bare-server.ts", answers], { stdio: ["ignore", "pipe", "inherit"] });
  const bare = {
    url: await new Promise<string>((resolve) => bareProcess.stdout.once("data", (d) => resolve(String(d).trim()))),
    close: () => bareProcess.kill(),
  };

  const cases = [
    ["tools/list", "legacy", request("legacy", "tools/list")],
    ["tools/call list_models", "legacy", request("legacy", "tools/call", { name: "list_models", arguments: {} })],
    ["tools/list", "modern", request("modern", "tools/list")],
    ["tools/call list_models", "modern", request("modern", "tools/call", { name: "list_models", arguments: {} })],
  ] as const;

  console.log(
    `POST /mcp — ${CONNECTIONS} keep-alive connections, ${DURATION_MS / 1000} s per server and row in ${ROUNDS} alternating rounds; ` +
      `legacy = 2025-era (the seed's curl), modern = ${MODERN}; database: ${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}\n`,
  );
  console.log("| request | era | Pixola req/s | Pixola p50 ms | Pixola p99 ms | bare req/s | bare p50 ms | bare p99 ms | throughput ratio | errors |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const [name, era, req] of cases) {
    const ours = { ...req, headers: { ...req.headers, ...auth } };
    // Same answers from both, checked before anything is measured.
    const [a, b] = await Promise.all([fetch(appUrl, ours), fetch(bare.url, req)]);
    if (a.status !== 200 || b.status !== 200) throw new Error(`${name} ${era}: status ${a.status} / ${b.status}`);
    if (JSON.stringify(resultOf(await a.text())) !== JSON.stringify(resultOf(await b.text()))) throw new Error(`${name} ${era}: answers differ`);

    await runLoad(appUrl, { connections: CONNECTIONS, durationMs: 1500, ...ours });
    await runLoad(bare.url, { connections: CONNECTIONS, durationMs: 1000, ...req });
    const ourRounds: LoadResult[] = [];
    const bareRounds: LoadResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      ourRounds.push(await runLoad(appUrl, { connections: CONNECTIONS, durationMs: DURATION_MS / ROUNDS, ...ours }));
      bareRounds.push(await runLoad(bare.url, { connections: CONNECTIONS, durationMs: DURATION_MS / ROUNDS, ...req }));
    }
    const p = combineRounds(ourRounds);
    const q = combineRounds(bareRounds);
    console.log(
      `| ${name} | ${era} | ${fmt(p.rps, 0)} | ${fmt(p.p50, 2)} | ${fmt(p.p99, 2)} | ${fmt(q.rps, 0)} | ${fmt(q.p50, 2)} | ${fmt(q.p99, 2)} | ${fmt(p.rps / q.rps, 2)} | ${p.errors + q.errors} |`,
    );
  }
  // What any route of this Next.js app can do at best: a tiny JSON answer, no key, no MCP.
  const floorRounds: LoadResult[] = [];
  for (let i = 0; i < ROUNDS; i++) floorRounds.push(await runLoad(`${app.url}/api/health`, { connections: CONNECTIONS, durationMs: DURATION_MS / ROUNDS }));
  const floor = combineRounds(floorRounds);
  console.log(`| GET /api/health (Next.js floor, no MCP) | – | ${fmt(floor.rps, 0)} | ${fmt(floor.p50, 2)} | ${fmt(floor.p99, 2)} | | | | | ${floor.errors} |`);
  bare.close();
} finally {
  await app.stop();
}
