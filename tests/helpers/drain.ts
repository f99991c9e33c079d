import { claimImages } from "@/lib/generation/claim-images";
import { processImage, type WorkerDeps } from "@/lib/generation/process-image";
import type { TestEnv } from "./test-env";

export const workerDeps = (env: TestEnv, over: Partial<WorkerDeps> = {}): WorkerDeps => ({
  db: env.db,
  store: env.store,
  providers: env.providers,
  leaseSeconds: 30,
  maxAttempts: 3,
  timeoutSeconds: 600,
  backoffMs: () => 0,
  ...over,
});

/** Claims for the env's providers, as a worker of this process would. */
export const claimFor = (env: TestEnv, limit: number, leaseSeconds: number, timeoutSeconds = 600) =>
  claimImages(env.db, { providers: [...env.providers.keys()], limit, leaseSeconds, timeoutSeconds });

/** Runs the real claim → process loop until the queue is empty (no back-off, so retries are immediate). */
export async function drainQueue(env: TestEnv, over: Partial<WorkerDeps> = {}): Promise<number> {
  const deps = workerDeps(env, over);
  let processed = 0;
  for (let round = 0; round < 200; round++) {
    const claimed = await claimFor(env, 8, deps.leaseSeconds, deps.timeoutSeconds);
    if (claimed.length === 0) return processed;
    await Promise.all(claimed.map((img) => processImage(deps, img)));
    processed += claimed.length;
  }
  throw new Error("queue did not drain in 200 rounds");
}
