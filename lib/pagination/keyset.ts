import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { text } from "@/lib/text";

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
  cursor: text("cursor").optional(),
});

interface Position {
  createdAt: Date;
  id: string;
}

export const encodeCursor = ({ createdAt, id }: Position) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

// What encodeCursor writes: a canonical ISO instant with a four-digit year from 0001 (PostgreSQL
// has no year 0, and the six-digit years JavaScript allows overflow its timestamp range), then
// a public id. Anything else (NUL included) was not made here and never reaches a query.
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([a-z]{3}_[0-9A-Za-z]{1,64})$/;

export function decodeCursor(cursor: string): Position {
  const [, at, id] = CURSOR.exec(Buffer.from(cursor, "base64url").toString()) ?? [];
  const createdAt = new Date(at ?? NaN);
  if (!at || !id || at.startsWith("0000") || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at) {
    throw badRequest("cursor is not valid: pass the nextCursor value of a previous page unchanged, or leave it out for the first page.");
  }
  return { createdAt, id };
}

/**
 * Rows strictly after the cursor in (created_at DESC, id DESC) order; no condition without one.
 * A row comparison, not `created_at < x OR (created_at = x AND id < y)`: PostgreSQL starts an
 * index scan on (…, created_at, id) at a row value, but only filters with the OR, so a deep page
 * read (and threw away) every newer row first — 98k of them at 100k images.
 */
export function afterCursor(cursor: string | undefined, createdAt: PgColumn, id: PgColumn): SQL | undefined {
  if (!cursor) return undefined;
  const at = decodeCursor(cursor);
  return sql`(${createdAt}, ${id}) < (${sql.param(at.createdAt, createdAt)}, ${sql.param(at.id, id)})`;
}

/** Cuts the limit+1 rows a query fetched into a page and the cursor of the next one. */
export function toPage<T>(rows: T[], limit: number, position: (row: T) => Position) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}
