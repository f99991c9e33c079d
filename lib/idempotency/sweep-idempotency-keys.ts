import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

export const IDEMPOTENCY_TTL_HOURS = 24;

/** The SQL condition "this key is older than the 24 h it is kept". */
export const expired = () => lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`);

/** Deletes keys past their 24 h; returns how many. Expired rows are ignored even before this runs. */
export async function sweepIdempotencyKeys(db: Db): Promise<number> {
  const gone = await db.delete(idempotencyKeys).where(expired()).returning({ key: idempotencyKeys.key });
  return gone.length;
}

const SWEEP_EVERY_MS = 10 * 60_000;
const g = globalThis as unknown as { __pixolaIdempotencySweptAt?: number };

/** Runs the sweep at most every ten minutes per process, piggybacking on idempotent requests. */
export async function sweepIdempotencyKeysOccasionally(db: Db): Promise<void> {
  if (Date.now() - (g.__pixolaIdempotencySweptAt ?? 0) < SWEEP_EVERY_MS) return;
  g.__pixolaIdempotencySweptAt = Date.now();
  await sweepIdempotencyKeys(db);
}
