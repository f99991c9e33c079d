import { and, count, eq, sql } from "drizzle-orm";
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
  and(eq(images.id, img.id), eq(images.leaseToken, img.leaseToken), eq(images.status, "running"));

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
    .returning({ unitPrice: batches.unitPrice, userId: batches.userId });
  return b;
}

async function closeBatchIfDone(tx: Tx, batchId: string) {
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
  stored: { key: string; mimeType: string; bytes: number; width: number; height: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockBatch(tx, img.batchId, "charge");
    const [done] = await tx
      .update(images)
      .set({
        status: "succeeded",
        storageKey: stored.key,
        mimeType: stored.mimeType,
        bytes: stored.bytes,
        width: stored.width,
        height: stored.height,
        error: null,
        lockedUntil: null,
        completedAt: new Date(),
      })
      .where(holdsLease(img))
      .returning({ id: images.id });
    if (!done) throw new LeaseLostError(img.id);
    await closeBatchIfDone(tx, img.batchId);
  });
}

/** A final failure: mark the image failed and refund its price, in one transaction. */
export async function failImage(db: Db, img: ClaimedImage, publicError: string): Promise<void> {
  await db.transaction(async (tx) => {
    const batch = await lockBatch(tx, img.batchId, "refund");
    const [failed] = await tx
      .update(images)
      .set({ status: "failed", error: publicError, lockedUntil: null, completedAt: new Date() })
      .where(holdsLease(img))
      .returning({ id: images.id });
    if (!failed) throw new LeaseLostError(img.id);
    await refundImage(tx, {
      userId: batch.userId,
      amount: batch.unitPrice,
      batchId: img.batchId,
      imageId: img.id,
      note: "image failed",
    });
    await closeBatchIfDone(tx, img.batchId);
  });
}

/** A failure worth another try: back to the queue after `delayMs`. */
export async function retryImage(db: Db, img: ClaimedImage, delayMs: number): Promise<void> {
  await db
    .update(images)
    .set({
      status: "queued",
      leaseToken: null,
      lockedUntil: null,
      runAfter: sql`now() + make_interval(secs => ${delayMs / 1000})`,
    })
    .where(holdsLease(img));
}
