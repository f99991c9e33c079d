/**
 * GET /api/v1/models on the built app (next start, embedded PGlite) against a bare node:http
 * server that returns the same JSON, measured side by side in one run.
 * Run: npx next build && npx tsx bench/models-throughput.bench.ts
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startAppServer } from "../tests/helpers/app-server";
import { fmt, runLoad } from "./lib/load";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 8000);

const app = await startAppServer({ LOG_LEVEL: "error" }, { wasmTierUp: true });
try {
  const body = await (await fetch(`${app.url}/api/v1/models`)).text();
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/v1/models`;

  // Warm both (JIT, route compilation, catalog cache), then measure each in turn.
  await runLoad(`${app.url}/api/v1/models`, { connections: CONNECTIONS, durationMs: 2000 });
  await runLoad(bareUrl, { connections: CONNECTIONS, durationMs: 1000 });
  const pixola = await runLoad(`${app.url}/api/v1/models`, { connections: CONNECTIONS, durationMs: DURATION_MS });
  const baseline = await runLoad(bareUrl, { connections: CONNECTIONS, durationMs: DURATION_MS });
  bare.close();

  console.log(`GET /api/v1/models — ${CONNECTIONS} keep-alive connections, ${DURATION_MS / 1000} s each, body ${body.length} bytes\n`);
  console.log("| server | req/s | p50 ms | p99 ms | errors |");
  console.log("|---|---|---|---|---|");
  for (const [name, r] of [["Pixola (next start)", pixola], ["bare node:http", baseline]] as const) {
    console.log(`| ${name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors} |`);
  }
  console.log(`\nthroughput ratio Pixola / bare = ${fmt(pixola.rps / baseline.rps, 3)}; p99 ratio = ${fmt(pixola.p99 / baseline.p99, 2)}`);
} finally {
  await app.stop();
}
