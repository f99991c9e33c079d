import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { batches, creditLedger } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { badRequest } from "@/lib/errors";

export const listLedgerInput = z.object({
  limit: z.coerce
    .number({ error: "limit must be an integer from 1 to 100" })
    .int("limit must be an integer from 1 to 100")
    .min(1, "limit must be an integer from 1 to 100")
    .max(100, "limit must be an integer from 1 to 100")
    .optional(),
  cursor: z.string().optional(),
});

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

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw badRequest("cursor is not valid: pass the nextCursor value of a previous page unchanged.");
  }
  return { createdAt, id };
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
  const after = cursor ? decodeCursor(cursor) : null;
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
        after
          ? or(
              lt(creditLedger.createdAt, after.createdAt),
              and(eq(creditLedger.createdAt, after.createdAt), lt(creditLedger.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ledgerEntryView.parse({ ...r, createdAt: r.createdAt.toISOString() })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
