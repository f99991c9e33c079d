/**
 * Worker thread for the 2-core part of bench/renderer.bench.ts: warms up, reports "ready", then
 * renders its share of the jobs when told "go" and reports how long that took.
 */
import { parentPort, workerData } from "node:worker_threads";
import sharp from "sharp";
import { renderProcedural, type RenderSpec } from "../lib/providers/embedded/render";

const { jobs, warmup } = workerData as { jobs: RenderSpec[]; warmup: RenderSpec[] };
const port = parentPort;
if (!port) throw new Error("renderer-worker.ts must run as a worker thread");

sharp.concurrency(1);
for (const spec of warmup) await renderProcedural(spec);
port.postMessage({ type: "ready" });
port.once("message", async () => {
  const started = performance.now();
  for (const spec of jobs) await renderProcedural(spec);
  port.postMessage({ type: "done", ms: performance.now() - started });
});
