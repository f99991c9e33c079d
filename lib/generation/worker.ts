import { log } from "@/lib/log";
import { claimImages } from "./claim-images";
import { processImage, type WorkerDeps } from "./process-image";
import { batchSettledEvent, signals } from "./signals";

export interface WorkerOptions extends WorkerDeps {
  concurrency: number;
  pollMs?: number;
}

export interface WorkerHandle {
  stop(): Promise<void>;
}

/**
 * Claims and processes images until stopped. Wakes on an in-process "queued" signal and
 * otherwise polls, so workers in other processes (npm run worker) share the same queue.
 */
export function startWorker(opts: WorkerOptions): WorkerHandle {
  const pollMs = opts.pollMs ?? 500;
  const inFlight = new Set<Promise<void>>();
  let running = true;
  let wake: (() => void) | null = null;
  const onQueued = () => wake?.();
  signals.on("queued", onQueued);

  const sleep = () =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    }).finally(() => (wake = null));

  const loop = (async () => {
    while (running) {
      const free = opts.concurrency - inFlight.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const batch = await claimImages(opts.db, free, opts.leaseSeconds);
          claimed = batch.length;
          for (const img of batch) {
            const p = processImage(opts, img).finally(() => {
              inFlight.delete(p);
              signals.emit(batchSettledEvent(img.batchId));
              wake?.();
            });
            inFlight.add(p);
          }
        } catch (err) {
          log.error("worker could not claim images", { err });
        }
      }
      if (running && (claimed === 0 || inFlight.size >= opts.concurrency)) await sleep();
    }
  })();

  return {
    async stop() {
      running = false;
      signals.off("queued", onQueued);
      wake?.();
      await loop;
      await Promise.allSettled(inFlight);
    },
  };
}
