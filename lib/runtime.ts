import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { getConfig, type Config } from "@/lib/config";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { seedCatalogFromEnv } from "@/lib/catalog/seed-from-env";
import { startWorker, type WorkerHandle } from "@/lib/generation/worker";
import { log } from "@/lib/log";
import { configureProviders } from "@/lib/providers/registry";
import type { ProviderClient } from "@/lib/providers/types";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit/rate-limiter";
import { storeFromConfig } from "@/lib/storage/create-store";
import type { ImageStore } from "@/lib/storage/image-store";

/** Everything a request or a worker needs, built once per process. */
export interface Runtime {
  config: Config;
  db: Db;
  dbKind: "postgres" | "pglite";
  store: ImageStore;
  /** The providers this process's worker runs (empty without a worker). */
  providers: ReadonlyMap<string, ProviderClient>;
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

/** A generation worker with the configuration's limits, running `providers`. */
export function startConfiguredWorker(config: Config, db: Db, store: ImageStore, providers: ReadonlyMap<string, ProviderClient>): WorkerHandle {
  return startWorker({
    db,
    store,
    providers,
    ioConcurrency: config.providerConcurrency,
    // CPU-lane providers (the embedded renderer) size their own thread pools.
    cpuConcurrency: Math.max(1, [...providers.values()].filter((c) => c.lane === "cpu").reduce((n, c) => n + (c.maxInFlight ?? 1), 0)),
    leaseSeconds: config.leaseSeconds,
    maxAttempts: config.maxAttempts,
    timeoutSeconds: config.providerTimeoutSeconds,
    queueDeadlineSeconds: config.queueDeadlineSeconds,
  });
}

export async function createRuntime(config: Config, opts: { worker: boolean }): Promise<Runtime> {
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
  await seedCatalogFromEnv(handle.db, config.env);
  if (config.defaultModel && !(await loadCatalog(handle.db)).modelBySlug.has(config.defaultModel)) {
    throw new Error(`DEFAULT_MODEL '${config.defaultModel}' is not a model of the catalog (see GET /api/v1/models).`);
  }
  const store = storeFromConfig(config);
  const rateLimiter = await createRateLimiter(config.rateLimit);
  if (rateLimiter.backend === "memory" && config.databaseUrl) {
    log.warn("rate limits are counted in this process only: set REDIS_URL or UPSTASH_REDIS_REST_URL when running several web processes");
  }
  // Only a process that runs a worker reads provider keys: availability follows the workers.
  const providers = opts.worker ? configureProviders(config.env) : new Map<string, ProviderClient>();
  const worker = opts.worker ? startConfiguredWorker(config, handle.db, store, providers) : null;
  log.info("pixola runtime ready", {
    database: handle.kind,
    worker: worker ? [...providers.keys()] : false,
    rateLimiter: rateLimiter.backend,
    appUrl: config.appUrl,
  });
  return {
    config,
    db: handle.db,
    dbKind: handle.kind,
    store,
    providers,
    worker,
    rateLimiter,
    async close() {
      await worker?.stop();
      await Promise.allSettled([...providers.values()].map((p) => p.close?.()));
      await rateLimiter.close();
      await handle.close();
    },
  };
}
