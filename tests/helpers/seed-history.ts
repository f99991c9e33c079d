import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export interface SeededHistory {
  /** Public ids as the seed writes them: `img_<tag>0000042`, so string order is numeric order. */
  imageId(n: number): string;
  ledgerId(n: number): string;
  batchId(n: number): string;
  /** Image or ledger row n was created at base + ⌊n/2⌋ s: pairs share an instant and order by id. */
  createdAt(n: number): Date;
  /** Image n is finished unless n is a multiple of 50 (failed: not listed). */
  listed(n: number): boolean;
}

const pad = (n: number) => String(n).padStart(7, "0");

/**
 * Bulk history for one user in three INSERT … SELECT generate_series statements: `images`
 * images in batches of four, and `ledger` ledger rows (every fourth a reserve of batch n/4,
 * the rest 1-credit grants), the wallet raised by their sum so SUM(ledger) = balance still
 * holds. `tag` ([0-9A-Za-z]) keeps ids apart when several users are seeded in one database.
 */
export async function seedHistory(
  db: Db,
  p: { userId: string; tag: string; images: number; ledger: number; base?: Date },
): Promise<SeededHistory> {
  const base = (p.base ?? new Date("2025-01-01T00:00:00Z")).toISOString();
  const id = (prefix: string, n: unknown) => sql`${prefix} || ${p.tag} || lpad((${n})::text, 7, '0')`;
  const at = (n: unknown) => sql`${base}::timestamptz + ((${n}) / 2) * interval '1 second'`;
  await db.execute(sql`
    insert into batches (id, user_id, prompt, model, style, shape, quality, count, seed, unit_price, status, credits_reserved, credits_charged, created_at)
    select ${id("bat_", sql`k`)}, ${p.userId}, 'history ' || k, 'procedural', 'no-style', 'square', 'standard', 4, k, 1, 'succeeded', 4, 4, ${at(sql`(k - 1) * 8`)}
    from generate_series(1, ceil(${p.images}::int / 4.0)::int) k`);
  await db.execute(sql`
    insert into images (id, batch_id, user_id, index, status, width, height, seed, title, storage_key, mime_type, created_at)
    select ${id("img_", sql`g`)}, ${id("bat_", sql`(g - 1) / 4 + 1`)}, ${p.userId}, (g - 1) % 4,
      case when g % 50 = 0 then 'failed' else 'succeeded' end, 1024, 1024, g, 'history', 'history/' || g || '.png', 'image/png', ${at(sql`g`)}
    from generate_series(1, ${p.images}::int) g`);
  await db.execute(sql`
    insert into credit_ledger (id, user_id, kind, amount, balance_after, batch_id, created_at)
    select ${id("led_", sql`g`)}, ${p.userId}, case when g % 4 = 0 then 'reserve' else 'grant' end,
      case when g % 4 = 0 then -1 else 1 end, g, case when g % 4 = 0 then ${id("bat_", sql`g / 4`)} end, ${at(sql`g`)}
    from generate_series(1, ${p.ledger}::int) g`);
  const reserves = Math.floor(p.ledger / 4);
  await db.execute(sql`update wallets set balance = balance + ${p.ledger - 2 * reserves}::int where user_id = ${p.userId}`);
  const t0 = Date.parse(base);
  return {
    imageId: (n) => `img_${p.tag}${pad(n)}`,
    ledgerId: (n) => `led_${p.tag}${pad(n)}`,
    batchId: (n) => `bat_${p.tag}${pad(n)}`,
    createdAt: (n) => new Date(t0 + Math.floor(n / 2) * 1000),
    listed: (n) => n % 50 !== 0,
  };
}
