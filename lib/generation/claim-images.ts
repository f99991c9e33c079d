import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { images } from "@/db/schema";

export type ClaimedImage = typeof images.$inferSelect & { leaseToken: string };

/**
 * Takes up to `limit` due images with a lease of `leaseSeconds`. Due means queued and past
 * its back-off, or running under a lease that expired (its worker died). SKIP LOCKED lets
 * many workers claim side by side without waiting on each other.
 */
export async function claimImages(db: Db, limit: number, leaseSeconds: number): Promise<ClaimedImage[]> {
  const leaseToken = randomUUID();
  const due = db
    .select({ id: images.id })
    .from(images)
    .where(
      or(
        and(eq(images.status, "queued"), lte(images.runAfter, sql`now()`)),
        and(eq(images.status, "running"), lt(images.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(images.runAfter))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(images)
    .set({
      status: "running",
      attempts: sql`${images.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      leaseToken,
    })
    .where(inArray(images.id, due))
    .returning();
  return rows as ClaimedImage[];
}
