import { eq } from "drizzle-orm";
import { z } from "zod";
import { plans, wallets } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";

export const creditsView = z.object({
  balance: z.number().int().describe("Credits available now"),
  plan: z.object({
    slug: z.string(),
    name: z.string(),
    monthlyCredits: z.number().int(),
  }),
});
export type CreditsView = z.infer<typeof creditsView>;

export async function getCredits({ ctx }: { ctx: Ctx }): Promise<CreditsView> {
  const [row] = await ctx.db
    .select({ balance: wallets.balance, slug: plans.slug, name: plans.name, monthlyCredits: plans.monthlyCredits })
    .from(wallets)
    .innerJoin(plans, eq(plans.slug, wallets.plan))
    .where(eq(wallets.userId, ctx.userId));
  if (!row) throw notFound("Wallet", ctx.userId);
  return creditsView.parse({
    balance: row.balance,
    plan: { slug: row.slug, name: row.name, monthlyCredits: row.monthlyCredits },
  });
}
