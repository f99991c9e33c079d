import { randomUUID } from "node:crypto";
import { HEARTBEAT_MS } from "@/lib/catalog/availability";
import { backfillPreviews } from "@/lib/images/backfill-previews";
import { log } from "@/lib/log";
import type { ProviderClient } from "@/lib/providers/types";
import { claimImages, renewLeases, type ClaimedImage } from "./claim-images";
import { announceWorker, failUnrunnableImages, retireWorker } from "./heartbeat";
import { processImage, type WorkerDeps } from "./process-image";
import { retryImage } from "./settle-image";
import { batchSettledEvent, signals } from "./signals";

export interface WorkerOptions extends Omit<WorkerDeps, "onRateLimited"> {
  /** Provider jobs in flight at once in this process (PROVIDER_CONCURRENCY): network waits, not CPU. */
  ioConcurrency: number;
  /** Embedded renders in flight: the render thread pool's size. */
  cpuConcurrency: number;
  /** Fail queued images no live worker can run after this long (QUEUE_DEADLINE_SECONDS). */
  queueDeadlineSeconds: number;
  pollMs?: number;
  /** Images without a preview that the pass at start gives one (default 1,000; 0 skips it). */
  previewBackfillLimit?: number;
}

export interface WorkerHandle {
  id: string;
  /** Images in flight now, by provider (for tests and benchmarks). */
  inFlight(): Map<string, number>;
  stop(): Promise<void>;
}

interface Running {
  img: ClaimedImage;
  provider: string;
  lane: "io" | "cpu";
  /** Aborted when the lease is lost or the worker stops: the job ends without settling. */
  lease: AbortController;
  done: Promise<void>;
}

/**
 * Claims and runs images until stopped. Provider jobs are I/O: up to `ioConcurrency` wait on the
 * network together. Embedded renders are CPU: at most `cpuConcurrency`, each on a pool thread.
 * Leases are short and renewed while a job is alive, so a job that takes minutes keeps its
 * image, and the image of a worker that died is taken over once its lease runs out.
 * Wakes on an in-process "queued" signal and otherwise polls, so workers in other processes share the queue.
 */
export function startWorker(opts: WorkerOptions): WorkerHandle {
  const id = `wrk_${randomUUID()}`;
  const pollMs = opts.pollMs ?? 500;
  const providers = opts.providers;
  const running = new Map<string, Running>();
  const pausedUntil = new Map<string, number>();
  const deps: WorkerDeps = {
    ...opts,
    onRateLimited(provider, ms) {
      pausedUntil.set(provider, Math.max(pausedUntil.get(provider) ?? 0, Date.now() + ms));
      log.warn("provider rate limited; holding its jobs back", { provider, ms });
    },
  };
  let active = true;
  let wake: (() => void) | null = null;
  // Set by every wake-up (a slot freed, work queued). The loop clears it before it looks for work
  // and does not go to sleep if it was set meanwhile, so a wake-up that arrives while the loop is
  // claiming rather than sleeping is not lost (the freed slot would otherwise idle for pollMs).
  let poked = false;
  const poke = () => {
    poked = true;
    wake?.();
  };
  const onQueued = poke;
  signals.on("queued", onQueued);

  const laneOf = (c: ProviderClient) => c.lane ?? "io";
  const count = (pred: (r: Running) => boolean) => [...running.values()].filter(pred).length;

  /** Which providers may take more jobs now, and how many. */
  function capacity(): { providers: string[]; limit: number }[] {
    const now = Date.now();
    const out: { providers: string[]; limit: number }[] = [];
    const free = { io: opts.ioConcurrency - count((r) => r.lane === "io"), cpu: opts.cpuConcurrency - count((r) => r.lane === "cpu") };
    const open: Record<"io" | "cpu", string[]> = { io: [], cpu: [] };
    for (const [name, client] of providers) {
      if ((pausedUntil.get(name) ?? 0) > now) continue;
      const lane = laneOf(client);
      if (client.maxInFlight !== undefined) {
        const left = Math.min(free[lane], client.maxInFlight - count((r) => r.provider === name));
        if (left > 0) out.push({ providers: [name], limit: left });
      } else open[lane].push(name);
    }
    for (const lane of ["cpu", "io"] as const) if (open[lane].length && free[lane] > 0) out.push({ providers: open[lane], limit: free[lane] });
    return out;
  }

  function start(img: ClaimedImage) {
    const client = providers.get(img.provider)!;
    const lease = new AbortController();
    const done = processImage(deps, img, lease.signal).finally(() => {
      running.delete(img.id);
      signals.emit(batchSettledEvent(img.batchId));
      poke();
    });
    running.set(img.id, { img, provider: img.provider, lane: laneOf(client), lease, done });
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    }).finally(() => (wake = null));

  // Lease renewal: a third of the lease, so two missed renewals still leave time.
  const renewEvery = Math.max(200, (opts.leaseSeconds * 1000) / 3);
  const renewTimer = setInterval(async () => {
    const held = [...running.values()];
    if (!held.length) return;
    try {
      const still = await renewLeases(opts.db, held.map((r) => r.img), opts.leaseSeconds);
      for (const r of held) if (!still.has(r.img.id) && running.has(r.img.id)) r.lease.abort(new Error("lease lost"));
    } catch (err) {
      log.error("could not renew leases", { err });
    }
  }, renewEvery);

  const names = [...providers.keys()];
  const beat = async () => {
    try {
      await announceWorker(opts.db, id, names);
      await failUnrunnableImages(opts.db, opts.queueDeadlineSeconds);
    } catch (err) {
      log.error("worker heartbeat failed", { err });
    }
  };
  const ready = announceWorker(opts.db, id, names).catch((err) => log.error("worker heartbeat failed", { err }));
  const beatTimer = setInterval(beat, HEARTBEAT_MS);

  // Images stored before previews existed (or whose preview failed) get one in the background,
  // two at a time and bounded, while the loop below goes on claiming generation work.
  const backfill = new AbortController();
  const backfilled = ready
    .then(() => backfillPreviews({ db: opts.db, store: opts.store, maxImages: opts.previewBackfillLimit ?? 1000, signal: backfill.signal }))
    .then((r) => (r.made || r.failed) && log.info("image previews backfilled", { ...r }))
    .catch((err) => log.error("image preview backfill stopped", { err }));

  const loop = (async () => {
    await ready;
    while (active) {
      poked = false;
      let claimed = 0;
      for (const slot of capacity()) {
        try {
          const batch = await claimImages(opts.db, { ...slot, leaseSeconds: opts.leaseSeconds, timeoutSeconds: opts.timeoutSeconds });
          claimed += batch.length;
          batch.forEach(start);
        } catch (err) {
          log.error("worker could not claim images", { err });
        }
      }
      if (active && claimed === 0 && !poked) await sleep(pollMs);
    }
  })();

  return {
    id,
    inFlight() {
      const m = new Map<string, number>();
      for (const r of running.values()) m.set(r.provider, (m.get(r.provider) ?? 0) + 1);
      return m;
    },
    async stop() {
      active = false;
      backfill.abort();
      signals.off("queued", onQueued);
      wake?.();
      await Promise.all([loop, backfilled]);
      clearInterval(beatTimer);
      // Jobs in flight stop waiting and go back to the queue at once, keeping their provider
      // job: another worker resumes polling it, so a restart neither waits minutes nor pays twice.
      const stopped = [...running.values()];
      for (const r of stopped) r.lease.abort(new Error("worker stopping"));
      await Promise.allSettled(stopped.map((r) => r.done));
      clearInterval(renewTimer);
      await Promise.allSettled(stopped.map((r) => retryImage(opts.db, r.img, 0, { countAttempt: false })));
      await retireWorker(opts.db, id).catch(() => {});
    },
  };
}
