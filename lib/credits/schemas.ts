import { z } from "zod";

export const ledgerEntryView = z.object({
  id: z.string(),
  kind: z.enum(["grant", "reserve", "refund"]),
  amount: z.number().int().describe("Signed: grants and refunds positive, reservations negative"),
  balanceAfter: z.number().int(),
  batchId: z.string().nullable(),
  imageId: z.string().nullable(),
  note: z.string().nullable(),
  prompt: z.string().nullable().describe("The prompt of the batch the entry belongs to, if any"),
  createdAt: z.string(),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

/** How many ledger entries the credits view carries (the dashboard pages through all of them). */
export const RECENT_ENTRIES = 10;

/** The balance, plan and latest credit history as REST, MCP and the bundle's HTTP port all read them. */
export const creditsView = z.object({
  balance: z.number().int().describe("Credits available now"),
  plan: z.object({
    slug: z.string(),
    name: z.string(),
    monthlyCredits: z.number().int(),
  }),
  recentEntries: z.array(ledgerEntryView).describe(`The latest credit history entries, newest first (at most ${RECENT_ENTRIES})`),
});
export type CreditsView = z.infer<typeof creditsView>;
