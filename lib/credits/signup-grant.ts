import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { plans } from "@/db/schema";
import { DEFAULT_PLAN } from "./create-wallet";

/** The credits a new account starts with, for pages that promise them (FREE_CREDITS or the Free plan's). */
export async function signupGrant(db: Db, freeCredits: number | undefined): Promise<number> {
  if (freeCredits !== undefined) return freeCredits;
  const [plan] = await db.select({ credits: plans.monthlyCredits }).from(plans).where(eq(plans.slug, DEFAULT_PLAN));
  return plan?.credits ?? 0;
}
