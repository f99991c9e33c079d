import { createHmac } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signInFailures } from "@/db/schema";

/**
 * Per-account sign-in limit, whatever address the attempts come from: 10 failed sign-ins
 * within 15 minutes are free; after that each attempt must wait a growing delay after the
 * previous failure (30 s, 1 min, 2, 4, 8, then 15 min at most). It is a delay, not a lockout:
 * nobody can shut the owner out for longer than 15 minutes at a time. A successful sign-in,
 * or 15 minutes without a failure, starts the count again.
 *
 * Every attempt is counted as a failure before the password is checked, in one statement
 * that also decides whether the attempt may run, so a burst of parallel attempts cannot all
 * slip through before the first failure is written; a success then clears the count.
 */
export const FREE_FAILURES = 10;
export const WINDOW_SECONDS = 15 * 60;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;

/** The wait owed after `failures` failures, in seconds (0 while under the free allowance). */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES));
}

/** Rows are keyed by an HMAC of the address: addresses without accounts are never stored. */
export function accountKey(email: string, secret: string): string {
  return createHmac("sha256", secret).update(email.trim().toLowerCase()).digest("base64url");
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts an attempt on `key` if the account is not in a delay, atomically. Refused attempts
 * are not counted, so waiting out the delay always lets the next attempt run.
 */
export async function admitSignIn(db: DbOrTx, key: string, now = new Date()): Promise<Admission> {
  const t = signInFailures;
  // As text: postgres.js does not serialize a Date given as a raw parameter (PGlite does).
  const at = now.toISOString();
  const stale = sql`${t.lastFailedAt} < ${at}::timestamptz - make_interval(secs => ${WINDOW_SECONDS})`;
  const owed = sql`least(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, ${t.failures} - ${FREE_FAILURES}))`;
  const counted = await db
    .insert(t)
    .values({ emailHash: key, failures: 1, windowStartedAt: now, lastFailedAt: now })
    .onConflictDoUpdate({
      target: t.emailHash,
      set: {
        failures: sql`case when ${stale} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${stale} then ${at}::timestamptz else ${t.windowStartedAt} end`,
        lastFailedAt: now,
      },
      setWhere: sql`${stale} or ${t.failures} < ${FREE_FAILURES} or ${t.lastFailedAt} + make_interval(secs => ${owed}) <= ${at}::timestamptz`,
    })
    .returning({ failures: t.failures });
  if (counted.length > 0) return { allowed: true };

  const [row] = await db.select().from(t).where(eq(t.emailHash, key));
  if (!row) return { allowed: true }; // cleared between the two statements
  const waitMs = row.lastFailedAt.getTime() + delayAfter(row.failures) * 1000 - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** A successful sign-in: the account starts again with its full allowance. */
export async function clearSignInFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.emailHash, key));
}

/** Removes counts nobody has added to for a window (run by the periodic sweep). */
export async function pruneSignInFailures(db: DbOrTx, now = new Date()): Promise<number> {
  const gone = await db
    .delete(signInFailures)
    .where(lt(signInFailures.lastFailedAt, new Date(now.getTime() - WINDOW_SECONDS * 1000)))
    .returning({ k: signInFailures.emailHash });
  return gone.length;
}

export function describeDelay(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins for this account. Wait ${wait} before trying again.`;
}
