import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { images } from "@/db/schema";

export type ClaimedImage = typeof images.$inferSelect & { leaseToken: string };

export interface ClaimOptions {
  /** Only images whose model runs on one of these providers. */
  providers: readonly string[];
  limit: number;
  leaseSeconds: number;
  /** The image's overall deadline, set at its first claim (PROVIDER_TIMEOUT_SECONDS). */
  timeoutSeconds: number;
}

/**
 * Takes up to `limit` due images with a lease of `leaseSeconds`. Due means queued and past
 * its back-off, or running under a lease that expired (its worker died). SKIP LOCKED lets
 * many workers claim side by side without waiting on each other.
 */
export async function claimImages(db: Db, opts: ClaimOptions): Promise<ClaimedImage[]> {
  if (opts.limit <= 0 || opts.providers.length === 0) return [];
  const leaseToken = randomUUID();
  const due = db
    .select({ id: images.id })
    .from(images)
    .where(
      and(
        inArray(images.provider, [...opts.providers]),
        or(
          and(eq(images.status, "queued"), lte(images.runAfter, sql`now()`)),
          and(eq(images.status, "running"), lt(images.lockedUntil, sql`now()`)),
        ),
      ),
    )
    .orderBy(asc(images.runAfter))
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(images)
    .set({
      status: "running",
      attempts: sql`${images.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${opts.leaseSeconds})`,
      deadlineAt: sql`coalesce(${images.deadlineAt}, now() + make_interval(secs => ${opts.timeoutSeconds}))`,
      leaseToken,
    })
    .where(inArray(images.id, due))
    .returning();
  return rows as ClaimedImage[];
}

/**
 * Extends the leases this worker still holds; returns the ids it holds. An id missing from the
 * answer was taken over (our lease had expired), so its job must stop.
 */
export async function renewLeases(db: Db, held: readonly ClaimedImage[], leaseSeconds: number): Promise<Set<string>> {
  if (held.length === 0) return new Set();
  const rows = await db
    .update(images)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        eq(images.status, "running"),
        or(...held.map((img) => and(eq(images.id, img.id), eq(images.leaseToken, img.leaseToken)))),
      ),
    )
    .returning({ id: images.id });
  return new Set(rows.map((r) => r.id));
}
