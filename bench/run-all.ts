/**
 * npm run bench — runs every benchmark in turn (the app must be built: npx next build).
 * provider-concurrency runs its worker on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL
 * is set (source scripts/start-services.sh), else in-process on embedded PGlite.
 */
import { spawnSync } from "node:child_process";

const benches = ["bench/renderer.bench.ts", "bench/event-loop.bench.ts", "bench/models-throughput.bench.ts", "bench/rate-limit-overhead.bench.ts", "bench/mcp-throughput.bench.ts", "bench/fast-paths.bench.ts", "bench/provider-concurrency.bench.ts", "bench/history-scale.bench.ts"];
for (const file of benches) {
  console.log(`\n### ${file}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", file], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
