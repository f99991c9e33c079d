import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { badRequest } from "@/lib/errors";

/**
 * Newest-first keyset pagination on (created_at, id), shared by every list: the cursor is
 * the last row's position, so pages stay stable while new rows arrive.
 */
export const pageInput = z.object({
  limit: z.coerce
    .number({ error: "limit must be an integer from 1 to 100" })
    .int("limit must be an integer from 1 to 100")
    .min(1, "limit must be an integer from 1 to 100")
    .max(100, "limit must be an integer from 1 to 100")
    .optional(),
  cursor: z.string().optional(),
});

interface Position {
  createdAt: Date;
  id: string;
}

export const encodeCursor = ({ createdAt, id }: Position) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

export function decodeCursor(cursor: string): Position {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw badRequest("cursor is not valid: pass the nextCursor value of a previous page unchanged.");
  }
  return { createdAt, id };
}

/** Rows strictly after the cursor in (created_at DESC, id DESC) order; no condition without one. */
export function afterCursor(cursor: string | undefined, createdAt: PgColumn, id: PgColumn): SQL | undefined {
  if (!cursor) return undefined;
  const at = decodeCursor(cursor);
  return or(lt(createdAt, at.createdAt), and(eq(createdAt, at.createdAt), lt(id, at.id)));
}

/** Cuts the limit+1 rows a query fetched into a page and the cursor of the next one. */
export function toPage<T>(rows: T[], limit: number, position: (row: T) => Position) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}
