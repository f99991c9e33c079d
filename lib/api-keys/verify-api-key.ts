import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { Scope } from "@/lib/context";
import { hashKey, isWellFormedKey } from "./codec";

export interface VerifiedKey {
  keyId: string;
  userId: string;
  scopes: Scope[];
}

const LAST_USED_DEBOUNCE_MINUTES = 5;

/**
 * Resolves a presented key to its owner, or null. Malformed keys and bad checksums are
 * rejected without touching the database.
 */
export async function verifyApiKey(db: Db, key: string): Promise<VerifiedKey | null> {
  if (!isWellFormedKey(key)) return null;
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hashKey(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const stale = !row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_DEBOUNCE_MINUTES * 60_000;
  if (stale) {
    // Forward-only and debounced: at most one write per key every few minutes, never on every request.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiKeys.id, row.id),
          or(
            isNull(apiKeys.lastUsedAt),
            lt(apiKeys.lastUsedAt, sql`now() - make_interval(mins => ${LAST_USED_DEBOUNCE_MINUTES})`),
          ),
        ),
      );
  }
  return { keyId: row.id, userId: row.userId, scopes: row.scopes as Scope[] };
}
