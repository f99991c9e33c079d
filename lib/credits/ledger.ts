import { and, eq, gte, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { creditLedger, wallets } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";

/**
 * Takes `amount` credits and posts the reserve in one statement: a conditional UPDATE of the
 * wallet (under READ COMMITTED a concurrent update re-checks the WHERE clause, so the balance
 * can never go below zero) whose RETURNING feeds the ledger INSERT. The wallet's row stays
 * locked from here to COMMIT and every other submit on the wallet waits that long, so it is one
 * round trip, not two, and the caller calls it last in its transaction.
 */
export async function reserveCredits(
  tx: Tx,
  p: { userId: string; amount: number; batchId: string },
): Promise<number> {
  const taken = tx.$with("taken").as(
    tx
      .update(wallets)
      .set({ balance: sql`${wallets.balance} - ${p.amount}`, updatedAt: new Date() })
      .where(and(eq(wallets.userId, p.userId), gte(wallets.balance, p.amount)))
      .returning({ balance: wallets.balance }),
  );
  // INSERT … SELECT names every column in table order; the parameters carry their types.
  const [row] = await tx
    .with(taken)
    .insert(creditLedger)
    .select((qb) =>
      qb
        .select({
          id: sql`${newId("led")}::text`.as("id"),
          userId: sql`${p.userId}::text`.as("user_id"),
          kind: sql`'reserve'::text`.as("kind"),
          amount: sql`${-p.amount}::int`.as("amount"),
          balanceAfter: taken.balance,
          batchId: sql`${p.batchId}::text`.as("batch_id"),
          imageId: sql`null::text`.as("image_id"),
          note: sql`null::text`.as("note"),
          createdAt: sql`now()`.as("created_at"),
        })
        .from(taken),
    )
    .returning({ balance: creditLedger.balanceAfter });
  if (!row) {
    const [w] = await tx.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.userId, p.userId));
    const balance = w?.balance ?? 0;
    throw new DomainError(
      "insufficient_credits",
      `This generation costs ${p.amount} credits but your balance is ${balance}. Lower the count or quality, pick a cheaper model, or add credits.`,
      { balance, cost: p.amount },
    );
  }
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
