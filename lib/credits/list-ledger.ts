import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { batches, creditLedger } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { afterCursor, pageInput, toPage } from "@/lib/pagination/keyset";
import { ledgerEntryView, type LedgerEntryView } from "./schemas";

export const listLedgerInput = pageInput;


/** The caller's credit history, newest first, each entry with the prompt of its batch. */
export async function listLedger({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof listLedgerInput>;
}): Promise<{ entries: LedgerEntryView[]; nextCursor: string | null }> {
  const { limit = 25, cursor } = listLedgerInput.parse(raw);
  const rows = await ctx.db
    .select({
      id: creditLedger.id,
      kind: creditLedger.kind,
      amount: creditLedger.amount,
      balanceAfter: creditLedger.balanceAfter,
      batchId: creditLedger.batchId,
      imageId: creditLedger.imageId,
      note: creditLedger.note,
      createdAt: creditLedger.createdAt,
      prompt: batches.prompt,
    })
    .from(creditLedger)
    // The batch must be the caller's too: a ledger row never exposes another user's prompt.
    .leftJoin(batches, and(eq(batches.id, creditLedger.batchId), eq(batches.userId, ctx.userId)))
    .where(
      and(
        eq(creditLedger.userId, ctx.userId),
        afterCursor(cursor, creditLedger.createdAt, creditLedger.id),
      ),
    )
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
    .limit(limit + 1);
  const { page, nextCursor } = toPage(rows, limit, (r) => r);
  return { entries: page.map((r) => ledgerEntryView.parse({ ...r, createdAt: r.createdAt.toISOString() })), nextCursor };
}
