import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { seedCatalog } from "@/db/seed";
import { getConfig, type Config } from "@/lib/config";
import { startWorker, type WorkerHandle } from "@/lib/generation/worker";
import { log } from "@/lib/log";
import { configuredProviders, createModelResolver, type ModelResolver } from "@/lib/providers/registry";
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
  log.info("pixola runtime ready", { database: handle.kind, worker: Boolean(worker), appUrl: config.appUrl });
  return {
    config,
    db: handle.db,
    dbKind: handle.kind,
    store,
    resolveModel,
    worker,
    async close() {
      await worker?.stop();
      await handle.close();
    },
  };
}
