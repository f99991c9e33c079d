import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invites } from "@/db/schema";
import { hashInviteCode } from "./codec";

const usable = (code: string) =>
  and(eq(invites.codeHash, hashInviteCode(code)), isNull(invites.usedAt), or(isNull(invites.expiresAt), gt(invites.expiresAt, sql`now()`)));

/** Whether the code could be used now: an early, friendly answer; claimInvite decides. */
export async function isInviteUsable(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ id: invites.id }).from(invites).where(usable(code));
  return Boolean(row);
}

/**
 * Uses the code up, or returns null when it is unknown, used or expired. One conditional
 * UPDATE, so of two sign-ups racing with one code exactly one gets the row.
 */
export async function claimInvite(db: DbOrTx, code: string): Promise<{ id: string } | null> {
  const [row] = await db.update(invites).set({ usedAt: sql`now()` }).where(usable(code)).returning({ id: invites.id });
  return row ?? null;
}

/** Records which account a claimed code made (the account exists only after the claim). */
export async function recordInviteUser(db: DbOrTx, code: string, userId: string): Promise<void> {
  await db
    .update(invites)
    .set({ usedBy: userId })
    .where(and(eq(invites.codeHash, hashInviteCode(code)), isNull(invites.usedBy)));
}
