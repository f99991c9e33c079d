import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { seedCatalog } from "@/db/seed";
import { getConfig, type Config } from "@/lib/config";
import { startWorker, type WorkerHandle } from "@/lib/generation/worker";
import { log } from "@/lib/log";
import { configuredProviders, createModelResolver, type ModelResolver } from "@/lib/providers/registry";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit/rate-limiter";
import type { ImageStore } from "@/lib/storage/image-store";
import { createLocalStore } from "@/lib/storage/local-store";

/** Everything a request or a worker needs, built once per process. */
export interface Runtime {
  config: Config;
  db: Db;
  dbKind: "postgres" | "pglite";
  store: ImageStore;
  resolveModel: ModelResolver;
  worker: WorkerHandle | null;
  /** Per-key request limits, shared by REST and MCP (lib/rate-limit/check-rate-limit.ts). */
  rateLimiter: RateLimiter;
  close(): Promise<void>;
}

// Kept on globalThis: Next.js loads instrumentation.ts and route handlers as separate module
// graphs, and two PGlite instances on one directory would corrupt it.
const g = globalThis as unknown as { __pixolaRuntime?: Promise<Runtime> };

export function getRuntime(): Promise<Runtime> {
  return (g.__pixolaRuntime ??= createRuntime(getConfig(), { worker: getConfig().inProcessWorker }));
}

export async function createRuntime(config: Config, opts: { worker: boolean }): Promise<Runtime> {
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
  await seedCatalog(handle.db, configuredProviders(config), config.defaultModel);
  const store = createLocalStore({
    root: path.join(config.dataDir, "images"),
    appUrl: config.appUrl,
    secret: config.urlSigningSecret,
    ttlSeconds: config.signedUrlTtlSeconds,
  });
  const resolveModel = createModelResolver(config);
  const rateLimiter = await createRateLimiter(config.rateLimit);
  if (rateLimiter.backend === "memory" && config.databaseUrl) {
    log.warn("rate limits are counted in this process only: set REDIS_URL or UPSTASH_REDIS_REST_URL when running several web processes");
  }
  const worker = opts.worker
    ? startWorker({
        db: handle.db,
        store,
        resolveModel,
        concurrency: config.workerConcurrency,
        leaseSeconds: config.leaseSeconds,
        maxAttempts: config.maxAttempts,
      })
    : null;
  log.info("pixola runtime ready", { database: handle.kind, worker: Boolean(worker), rateLimiter: rateLimiter.backend, appUrl: config.appUrl });
  return {
    config,
    db: handle.db,
    dbKind: handle.kind,
    store,
    resolveModel,
    worker,
    rateLimiter,
    async close() {
      await worker?.stop();
      await rateLimiter.close();
      await handle.close();
    },
  };
}
