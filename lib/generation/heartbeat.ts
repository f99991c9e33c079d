import { and, eq, lt, notInArray, sql } from "drizzle-orm";
import os from "node:os";
import type { Db } from "@/db/client";
import { images, workers } from "@/db/schema";
import { forgetLiveProviders, LIVE_SECONDS, liveProviders } from "@/lib/catalog/availability";
import { failQueuedImage } from "./settle-image";

/** Says "this worker is alive and runs these providers"; repeated every HEARTBEAT_MS. */
export async function announceWorker(db: Db, id: string, providers: readonly string[]): Promise<void> {
  await db
    .insert(workers)
    .values({ id, providers: [...providers], host: os.hostname(), pid: process.pid })
    .onConflictDoUpdate({ target: workers.id, set: { seenAt: sql`now()`, providers: [...providers] } });
  forgetLiveProviders(db);
}

/** A worker stopping cleanly leaves at once instead of after LIVE_SECONDS; old rows are swept. */
export async function retireWorker(db: Db, id: string): Promise<void> {
  await db.delete(workers).where(eq(workers.id, id));
  await db.delete(workers).where(lt(workers.seenAt, sql`now() - interval '1 day'`));
  forgetLiveProviders(db);
}

export const UNRUNNABLE_MESSAGE = (seconds: number) =>
  `No worker able to run this model was online for ${Math.round(seconds / 60)} minutes, so the image was not made; its credits were refunded.`;

/**
 * Fails and refunds queued images that no live worker can run and that have waited longer than
 * QUEUE_DEADLINE_SECONDS. Safe to run from every worker: each image is settled once.
 */
export async function failUnrunnableImages(db: Db, queueDeadlineSeconds: number): Promise<number> {
  const live = [...(await liveProviders(db))];
  const stale = await db
    .select({ id: images.id, batchId: images.batchId })
    .from(images)
    .where(
      and(
        eq(images.status, "queued"),
        lt(images.createdAt, sql`now() - make_interval(secs => ${queueDeadlineSeconds})`),
        live.length ? notInArray(images.provider, live) : undefined,
      ),
    )
    .limit(100);
  let failed = 0;
  for (const img of stale) {
    if (await failQueuedImage(db, img, UNRUNNABLE_MESSAGE(queueDeadlineSeconds))) failed++;
  }
  return failed;
}

export { LIVE_SECONDS };
