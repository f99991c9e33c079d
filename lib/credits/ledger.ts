import { and, eq, gte, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { creditLedger, wallets } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";

/**
 * Takes `amount` credits in one conditional UPDATE. Under READ COMMITTED a concurrent
 * update re-checks the WHERE clause, so the balance can never go below zero.
 */
export async function reserveCredits(
  tx: Tx,
  p: { userId: string; amount: number; batchId: string },
): Promise<number> {
  const [row] = await tx
    .update(wallets)
    .set({ balance: sql`${wallets.balance} - ${p.amount}`, updatedAt: new Date() })
    .where(and(eq(wallets.userId, p.userId), gte(wallets.balance, p.amount)))
    .returning({ balance: wallets.balance });
  if (!row) {
    const [w] = await tx.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.userId, p.userId));
    const balance = w?.balance ?? 0;
    throw new DomainError(
      "insufficient_credits",
      `This generation costs ${p.amount} credits but your balance is ${balance}. Lower the count or quality, pick a cheaper model, or add credits.`,
      { balance, cost: p.amount },
    );
  }
  await tx.insert(creditLedger).values({
    id: newId("led"),
    userId: p.userId,
    kind: "reserve",
    amount: -p.amount,
    balanceAfter: row.balance,
    batchId: p.batchId,
  });
  return row.balance;
}

/** Gives back an image's price. The unique index on (image_id) for refunds makes a second refund fail. */
export async function refundImage(
  tx: Tx,
  p: { userId: string; amount: number; batchId: string; imageId: string; note?: string },
): Promise<void> {
  const [row] = await tx
    .update(wallets)
    .set({ balance: sql`${wallets.balance} + ${p.amount}`, updatedAt: new Date() })
    .where(eq(wallets.userId, p.userId))
    .returning({ balance: wallets.balance });
  await tx.insert(creditLedger).values({
    id: newId("led"),
    userId: p.userId,
    kind: "refund",
    amount: p.amount,
    balanceAfter: row.balance,
    batchId: p.batchId,
    imageId: p.imageId,
    note: p.note,
  });
}
