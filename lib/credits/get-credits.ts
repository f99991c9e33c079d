import { eq } from "drizzle-orm";
import { z } from "zod";
import { plans, wallets } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { listLedger } from "./list-ledger";
import { creditsView, RECENT_ENTRIES, type CreditsView } from "./schemas";

export async function getCredits({ ctx }: { ctx: Ctx }): Promise<CreditsView> {
  const [row] = await ctx.db
    .select({ balance: wallets.balance, slug: plans.slug, name: plans.name, monthlyCredits: plans.monthlyCredits })
    .from(wallets)
    .innerJoin(plans, eq(plans.slug, wallets.plan))
    .where(eq(wallets.userId, ctx.userId));
  if (!row) throw notFound("Wallet", ctx.userId);
  const { entries } = await listLedger({ ctx, input: { limit: RECENT_ENTRIES } });
  return creditsView.parse({
    balance: row.balance,
    plan: { slug: row.slug, name: row.name, monthlyCredits: row.monthlyCredits },
    recentEntries: entries,
  });
}
