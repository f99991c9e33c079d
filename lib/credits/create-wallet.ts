import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { creditLedger, plans, wallets } from "@/db/schema";
import { newId } from "@/lib/ids";

export const DEFAULT_PLAN = "free";

/**
 * Opens a wallet on the Free plan and posts its grant. Idempotent: a user who already
 * has a wallet is left as is.
 */
export async function createWallet(db: DbOrTx, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.slug, DEFAULT_PLAN));
    if (!plan) throw new Error(`plan '${DEFAULT_PLAN}' is missing: the catalog has not been seeded`);
    const [wallet] = await tx
      .insert(wallets)
      .values({ userId, balance: plan.monthlyCredits, plan: plan.slug })
      .onConflictDoNothing()
      .returning();
    if (!wallet) return;
    await tx.insert(creditLedger).values({
      id: newId("led"),
      userId,
      kind: "grant",
      amount: plan.monthlyCredits,
      balanceAfter: wallet.balance,
      note: `${plan.name} plan grant`,
    });
  });
}
