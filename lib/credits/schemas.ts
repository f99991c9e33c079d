import { z } from "zod";

/** The balance and plan as REST, MCP and the bundle's HTTP port all read them. */
export const creditsView = z.object({
  balance: z.number().int().describe("Credits available now"),
  plan: z.object({
    slug: z.string(),
    name: z.string(),
    monthlyCredits: z.number().int(),
  }),
});
export type CreditsView = z.infer<typeof creditsView>;
