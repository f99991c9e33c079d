import os from "node:os";
import { Worker } from "node:worker_threads";
import { startFromSource } from "@/lib/threads/start-from-source";
import type { RenderResult, RenderSpec } from "./render";
import type { RenderReply } from "./render-thread";
import { validateSpec } from "./validate-spec";

/**
 * The embedded renderer off the event loop: drawing a 1024² scene is ~50 ms of synchronous
 * canvas work, which would stall every request in the web process. Jobs queue while all
 * threads are busy; threads start on first use and are unref'd while idle, so an unused
 * pool costs nothing and never holds a process open.
 */
export interface RenderPool {
  render(spec: RenderSpec, signal?: AbortSignal): Promise<RenderResult>;
  /** Most threads the pool runs. */
  readonly size: number;
  /** Rejects queued jobs, lets jobs in flight finish, then ends the threads. */
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  size: number;
  /** Tests only: a TypeScript thread entry to run instead of render-thread.ts. */
  threadEntry?: URL;
}

/** RENDER_THREADS, else one thread per core but one (the event loop keeps a core), at least 1. */
export function renderThreadsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.RENDER_THREADS;
  if (raw === undefined || raw === "") return Math.max(1, os.availableParallelism() - 1);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`RENDER_THREADS must be a positive integer (got '${raw}').`);
  return n;
}

/** How long an aborted job's thread may take to answer before it counts as stuck. */
const STUCK_MS = 10_000;

interface Job {
  id: number;
  spec: RenderSpec;
  resolve(r: RenderResult): void;
  reject(e: unknown): void;
  settled: boolean;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
  ready: boolean;
}

export function createRenderPool(opts: RenderPoolOptions): RenderPool {
  const { size } = opts;
  if (!Number.isInteger(size) || size < 1) throw new Error(`render pool size must be a positive integer (got ${size})`);
  const threads = new Set<Thread>();
  const queue: Job[] = [];
  let nextId = 1;
  let closing = false;
  let drained: (() => void) | null = null;

  const settle = (job: Job, fn: () => void) => {
    if (job.settled) return;
    job.settled = true;
    if (job.onAbort) job.signal?.removeEventListener("abort", job.onAbort);
    fn();
  };

  function spawn(): Thread {
    const t: Thread = { worker: startThread(opts.threadEntry), job: null, ready: false };
    t.worker.on("message", (msg: RenderReply | { ready: true }) => {
      if ("ready" in msg) {
        t.ready = true;
        return;
      }
      const job = t.job;
      if (!job || job.id !== msg.id) return;
      t.job = null;
      t.worker.unref();
      if (msg.ok) {
        const { bytes, mimeType, width, height } = msg;
        settle(job, () => job.resolve({ bytes, mimeType, width, height }));
      } else {
        const err = new Error(msg.message);
        err.name = msg.name;
        settle(job, () => job.reject(err));
      }
      pump();
    });
    // An uncaught error is followed by 'exit'; whichever comes first retires the thread.
    t.worker.on("error", (err) => retire(t, err));
    t.worker.on("exit", (code) => retire(t, new Error(`exited with code ${code}`)));
    threads.add(t);
    return t;
  }

  function retire(t: Thread, cause: Error) {
    if (!threads.delete(t)) return;
    const job = t.job;
    t.job = null;
    if (job) settle(job, () => job.reject(new Error(`render thread crashed: ${cause.message}`, { cause })));
    // A thread that died before it finished loading will not do better the next time: fail
    // the queue now instead of starting one doomed thread per queued job.
    if (!t.ready && !closing) {
      for (const q of queue.splice(0)) settle(q, () => q.reject(new Error(`render thread could not start: ${cause.message}`, { cause })));
    }
    pump();
  }

  function pump() {
    if (closing) {
      if (drained && [...threads].every((t) => !t.job)) drained();
      return;
    }
    while (queue.length > 0) {
      let t = [...threads].find((x) => !x.job);
      if (!t && threads.size < size) t = spawn();
      if (!t) return;
      const job = queue.shift()!;
      t.job = job;
      t.worker.ref();
      t.worker.postMessage({ id: job.id, spec: job.spec });
    }
    for (const t of threads) if (!t.job) t.worker.unref();
  }

  return {
    size,
    render(spec, signal) {
      if (closing) return Promise.reject(new Error("render pool is closed"));
      try {
        // Cheap, and a bad spec then never occupies a thread.
        validateSpec(spec);
        signal?.throwIfAborted();
      } catch (err) {
        return Promise.reject(err);
      }
      // Only the fields the thread reads: anything else on the object might not be cloneable.
      const { prompt, seed, width, height, palette, styleSlug, quality, format } = spec;
      const sent: RenderSpec = { prompt, seed, width, height, palette: [...palette], styleSlug, quality, format };
      return new Promise<RenderResult>((resolve, reject) => {
        const job: Job = { id: nextId++, spec: sent, resolve, reject, settled: false, signal };
        if (signal) {
          // A job already drawing cannot be interrupted (the draw is synchronous): it is
          // rejected now and its result dropped when it arrives. A thread that has not
          // answered long after (a render takes well under a second) is stuck: replace it.
          job.onAbort = () => {
            const i = queue.indexOf(job);
            if (i >= 0) queue.splice(i, 1);
            settle(job, () => reject(signal.reason));
            const t = [...threads].find((x) => x.job === job);
            if (t) setTimeout(() => t.job === job && void t.worker.terminate(), STUCK_MS).unref();
          };
          signal.addEventListener("abort", job.onAbort, { once: true });
        }
        queue.push(job);
        pump();
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      for (const q of queue.splice(0)) settle(q, () => q.reject(new Error("render pool is closed")));
      // Terminating a thread in the middle of a native encode is not safe for every addon:
      // wait for the jobs in flight (tens of ms each), then end the threads.
      if ([...threads].some((t) => t.job)) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, 10_000).unref();
        });
      }
      await Promise.all([...threads].map((t) => t.worker.terminate()));
      threads.clear();
    },
  };
}

/**
 * Inside Next.js (next build or next dev), Turbopack recognises the literal
 * `new Worker(new URL("./render-thread.ts", import.meta.url))`, bundles render-thread.ts and
 * its imports into a worker chunk and rewrites the URL to it; sharp and @napi-rs/canvas stay
 * external (serverExternalPackages). The branch keys on NEXT_RUNTIME, not on import.meta.url,
 * which Turbopack maps back to the source path. Run from source (tsx, vitest) the URL names
 * the .ts file, which Node cannot load by itself, and a worker does not inherit the parent's
 * loader hooks on Node 20: the thread registers tsx before importing it.
 */
function startThread(entry: URL | undefined): Worker {
  if (entry) return startFromSource(entry);
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./render-thread.ts", import.meta.url));
  return startFromSource(new URL(import.meta.url.replace(/[^/]+$/, "render-thread.ts")));
}

