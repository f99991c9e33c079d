import { and, count, eq, sql, TransactionRollbackError, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { batches, images } from "@/db/schema";
import { refundImage } from "@/lib/credits/ledger";
import type { ClaimedImage } from "./claim-images";

/** Thrown when another worker took the image over (our lease expired): our result is dropped. */
export class LeaseLostError extends Error {
  constructor(imageId: string) {
    super(`lease on ${imageId} was lost`);
  }
}

const holdsLease = (img: ClaimedImage) =>
  and(eq(images.id, img.id), eq(images.leaseToken, img.leaseToken), eq(images.status, "running"))!;

/**
 * Locks the batch row first: two images of one batch settling at once then run one after
 * the other, so the second always sees the first and closes the batch.
 */
async function lockBatch(tx: Tx, batchId: string, settle: "charge" | "refund") {
  const [b] = await tx
    .update(batches)
    .set({
      // The reservation made at submit becomes the charge, so a charge moves nothing in the wallet.
      ...(settle === "charge"
        ? { creditsCharged: sql`${batches.creditsCharged} + ${batches.unitPrice}` }
        : { creditsRefunded: sql`${batches.creditsRefunded} + ${batches.unitPrice}` }),
      status: sql`CASE WHEN ${batches.status} = 'queued' THEN 'running' ELSE ${batches.status} END`,
    })
    .where(eq(batches.id, batchId))
    .returning({
      unitPrice: batches.unitPrice,
      userId: batches.userId,
      settled: sql<number>`${batches.creditsCharged} + ${batches.creditsRefunded}`,
      reserved: batches.creditsReserved,
    });
  return b;
}

type LockedBatch = Awaited<ReturnType<typeof lockBatch>>;

async function closeBatchIfDone(tx: Tx, batchId: string, locked: LockedBatch) {
  // Every settle adds the unit price to charged or refunded exactly once, so while they sum to
  // less than the reservation some image is still open: no need to count (one query fewer per
  // image on the embedded database, whose queries run on the event loop). Free models count.
  if (locked.unitPrice > 0 && Number(locked.settled) < locked.reserved) return;
  const rows = await tx
    .select({ status: images.status, n: count() })
    .from(images)
    .where(eq(images.batchId, batchId))
    .groupBy(images.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  if ((by.queued ?? 0) + (by.running ?? 0) > 0) return;
  const status = !by.failed ? "succeeded" : !by.succeeded ? "failed" : "partial";
  const error = status === "succeeded" ? null : `${by.failed} of ${(by.failed ?? 0) + (by.succeeded ?? 0)} images failed; their credits were refunded.`;
  await tx.update(batches).set({ status, error, completedAt: new Date() }).where(eq(batches.id, batchId));
}

export async function completeImage(
  db: Db,
  img: ClaimedImage,
  stored: {
    key: string;
    mimeType: string;
    bytes: number;
    width: number;
    height: number;
    note?: string | null;
    /** Null when it could not be made: the image completes all the same and the backfill makes it. */
    preview?: { key: string; width: number; height: number } | null;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = await lockBatch(tx, img.batchId, "charge");
    const [done] = await tx
      .update(images)
      .set({
        status: "succeeded",
        storageKey: stored.key,
        previewKey: stored.preview?.key ?? null,
        previewWidth: stored.preview?.width ?? null,
        previewHeight: stored.preview?.height ?? null,
        mimeType: stored.mimeType,
        bytes: stored.bytes,
        width: stored.width,
        height: stored.height,
        note: stored.note ?? null,
        error: null,
        errorCode: null,
        lockedUntil: null,
        completedAt: new Date(),
      })
      .where(holdsLease(img))
      .returning({ id: images.id });
    if (!done) throw new LeaseLostError(img.id);
    await closeBatchIfDone(tx, img.batchId, locked);
  });
}

export type ImageErrorCode = "content_flagged" | "provider_failed" | "timeout" | "unavailable";

/** Marks the image failed and refunds its price, in one transaction; false when `guard` no longer matches. */
async function failAndRefund(db: Db, img: { id: string; batchId: string }, guard: SQL, failure: { message: string; code: ImageErrorCode }) {
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, img.batchId, "refund");
    const [failed] = await tx
      .update(images)
      .set({ status: "failed", error: failure.message, errorCode: failure.code, lockedUntil: null, completedAt: new Date() })
      .where(guard)
      .returning({ id: images.id });
    if (!failed) {
      tx.rollback();
      return false;
    }
    await refundImage(tx, {
      userId: batch.userId,
      amount: batch.unitPrice,
      batchId: img.batchId,
      imageId: img.id,
      note: "image failed",
    });
    await closeBatchIfDone(tx, img.batchId, batch);
    return true;
  });
}

/** A final failure of a claimed image: failed and refunded, in one transaction. */
export async function failImage(db: Db, img: ClaimedImage, failure: { message: string; code: ImageErrorCode }): Promise<void> {
  const ok = await failAndRefund(db, img, holdsLease(img), failure).catch((e) => {
    if (e instanceof TransactionRollbackError) return false;
    throw e;
  });
  if (!ok) throw new LeaseLostError(img.id);
}

/** Fails a still-queued image nobody can run (heartbeat.ts); false when a worker took it meanwhile. */
export async function failQueuedImage(db: Db, img: { id: string; batchId: string }, message: string): Promise<boolean> {
  return failAndRefund(db, img, and(eq(images.id, img.id), eq(images.status, "queued"))!, { message, code: "unavailable" }).catch((e) => {
    if (e instanceof TransactionRollbackError) return false;
    throw e;
  });
}

/**
 * Back to the queue after `delayMs`. `countAttempt: false` for waits that are not failures
 * (a provider's 429). `dropJob` when the provider's job itself failed, so the next try submits anew;
 * otherwise the stored job is polled again and the provider is never paid twice.
 */
export async function retryImage(db: Db, img: ClaimedImage, delayMs: number, opts: { countAttempt?: boolean; dropJob?: boolean } = {}): Promise<void> {
  await db
    .update(images)
    .set({
      status: "queued",
      leaseToken: null,
      lockedUntil: null,
      runAfter: sql`now() + make_interval(secs => ${delayMs / 1000})`,
      ...(opts.countAttempt === false ? { attempts: sql`greatest(${images.attempts} - 1, 0)` } : {}),
      ...(opts.dropJob ? { providerJob: null } : {}),
    })
    .where(holdsLease(img));
}

/** Stores the provider's job before waiting on it; throws LeaseLostError if another worker owns the image. */
export async function saveProviderJob(db: Db, img: ClaimedImage, job: Record<string, string>): Promise<void> {
  const [row] = await db.update(images).set({ providerJob: job }).where(holdsLease(img)).returning({ id: images.id });
  if (!row) throw new LeaseLostError(img.id);
}
