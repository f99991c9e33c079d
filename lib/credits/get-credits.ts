import { desc, eq, sql } from "drizzle-orm";
import { plans, wallets } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { ledgerPageQuery, toLedgerEntryView } from "./list-ledger";
import { RECENT_ENTRIES, type CreditsView } from "./schemas";

/**
 * The balance (read fresh: money is never served from a cache), the plan and the latest ledger
 * entries, in one statement: the wallet joined with the newest page of the ledger, one row per
 * entry (or one with no entry). Two statements cost a second round trip on every
 * GET /api/v1/credits and check_credits.
 */
export async function getCredits({ ctx }: { ctx: Ctx }): Promise<CreditsView> {
  // The page query reads limit + 1 rows (to know whether more follow); here exactly RECENT_ENTRIES.
  const recent = ledgerPageQuery(ctx, { limit: RECENT_ENTRIES - 1 }).as("recent");
  const rows = await ctx.db
    .select({
      balance: wallets.balance,
      slug: plans.slug,
      name: plans.name,
      monthlyCredits: plans.monthlyCredits,
      entry: {
        id: recent.id,
        kind: recent.kind,
        amount: recent.amount,
        balanceAfter: recent.balanceAfter,
        batchId: recent.batchId,
        imageId: recent.imageId,
        note: recent.note,
        createdAt: recent.createdAt,
        prompt: recent.prompt,
      },
    })
    .from(wallets)
    .innerJoin(plans, eq(plans.slug, wallets.plan))
    .leftJoin(recent, sql`true`)
    .where(eq(wallets.userId, ctx.userId))
    .orderBy(desc(recent.createdAt), desc(recent.id));
  const [row] = rows;
  if (!row) throw notFound("Wallet", ctx.userId);
  return {
    balance: row.balance,
    plan: { slug: row.slug, name: row.name, monthlyCredits: row.monthlyCredits },
    recentEntries: rows.flatMap((r) => (r.entry ? [toLedgerEntryView(r.entry)] : [])),
  };
}
