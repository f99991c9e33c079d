import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { creditLedger, plans, wallets } from "@/db/schema";
import { newId } from "@/lib/ids";

export const DEFAULT_PLAN = "free";

/**
 * Opens a wallet on the Free plan and posts its grant: the plan's monthly credits, or
 * `freeCredits` when the operator set FREE_CREDITS (0 opens an empty wallet, no ledger row).
 * Idempotent: a user who already has a wallet is left as is, so a grant is made once however
 * often this runs (a verification link clicked twice, a CLI re-run).
 */
export async function createWallet(db: DbOrTx, userId: string, freeCredits?: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.slug, DEFAULT_PLAN));
    if (!plan) throw new Error(`plan '${DEFAULT_PLAN}' is missing: the catalog has not been seeded`);
    const grant = freeCredits ?? plan.monthlyCredits;
    const [wallet] = await tx
      .insert(wallets)
      .values({ userId, balance: grant, plan: plan.slug })
      .onConflictDoNothing()
      .returning();
    if (!wallet || grant === 0) return;
    await tx.insert(creditLedger).values({
      id: newId("led"),
      userId,
      kind: "grant",
      amount: grant,
      balanceAfter: wallet.balance,
      note: `${plan.name} plan grant`,
    });
  });
}
