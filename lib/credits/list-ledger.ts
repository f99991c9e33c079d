import { and, desc, eq, sql, type Placeholder } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { batches, creditLedger } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { afterCursor, pageInput, toPage } from "@/lib/pagination/keyset";
import { ledgerEntryView, type LedgerEntryView } from "./schemas";

export const listLedgerInput = pageInput;

/**
 * One page (limit + 1 rows) of the caller's ledger, in the order of credit_ledger_user_idx.
 * Each entry's prompt is a lookup by the batch's primary key, made for the rows of the page
 * only. As a join, the planner weighed the user's batches against the page, and with no
 * statistics (PGlite has no autovacuum) it read all of them and sorted: 1.4 s at 100k.
 */
export function ledgerPageQuery(ctx: Ctx, p: { limit: number; cursor?: string }) {
  // limit + 1 rows: the extra one says whether another page follows.
  return ledgerRows(ctx.db, ctx.userId, { rows: p.limit + 1, cursor: p.cursor });
}

/** The newest `rows` entries of `userId` (a value, or a placeholder of a prepared statement: get-credits.ts). */
export function ledgerRows(db: Db, userId: string | Placeholder, p: { rows: number; cursor?: string }) {
  const prompt = db
    .select({ prompt: batches.prompt })
    .from(batches)
    // The batch must be the caller's too: a ledger row never exposes another user's prompt.
    .where(and(eq(batches.id, creditLedger.batchId), eq(batches.userId, userId)));
  return db
    .select({
      id: creditLedger.id,
      kind: creditLedger.kind,
      amount: creditLedger.amount,
      balanceAfter: creditLedger.balanceAfter,
      batchId: creditLedger.batchId,
      imageId: creditLedger.imageId,
      note: creditLedger.note,
      createdAt: creditLedger.createdAt,
      prompt: sql<string | null>`${prompt}`.as("prompt"),
    })
    .from(creditLedger)
    .where(and(eq(creditLedger.userId, userId), afterCursor(p.cursor, creditLedger.createdAt, creditLedger.id)))
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
    .limit(p.rows);
}

/** The caller's credit history, newest first, each entry with the prompt of its batch. */
export async function listLedger({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof listLedgerInput>;
}): Promise<{ entries: LedgerEntryView[]; nextCursor: string | null }> {
  const { limit = 25, cursor } = listLedgerInput.parse(raw);
  const rows = await ledgerPageQuery(ctx, { limit, cursor });
  const { page, nextCursor } = toPage(rows, limit, (r) => r);
  return { entries: page.map(toLedgerEntryView), nextCursor };
}

type LedgerRow = Awaited<ReturnType<typeof ledgerPageQuery>>[number];
export const toLedgerEntryView = (r: LedgerRow): LedgerEntryView => ledgerEntryView.parse({ ...r, createdAt: r.createdAt.toISOString() });
