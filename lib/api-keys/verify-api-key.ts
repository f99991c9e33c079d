import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { Scope } from "@/lib/context";
import { credentialsOf } from "@/lib/credentials/credentials";
import { hashKey, isWellFormedKey } from "./codec";

export interface VerifiedKey {
  keyId: string;
  userId: string;
  scopes: Scope[];
}

/**
 * Resolves a presented key to its owner, or null. Malformed keys and bad checksums are
 * rejected without touching the database; a key this process verified before is answered from
 * its credential cache (lib/credentials/credentials.ts), anything else costs one query.
 * Last used is noted, and written in batches off the request path.
 */
export async function verifyApiKey(db: Db, key: string): Promise<VerifiedKey | null> {
  if (!isWellFormedKey(key)) return null;
  const hash = hashKey(key);
  const { cache, lastUsed } = credentialsOf(db);
  const hit = cache.get(hash);
  if (hit?.kind === "key") {
    lastUsed.touch("key", hit.keyId);
    return { keyId: hit.keyId, userId: hit.userId, scopes: hit.scopes };
  }
  const epoch = cache.epoch();
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, scopes: apiKeys.scopes })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const verified = { keyId: row.id, userId: row.userId, scopes: row.scopes as Scope[] };
  cache.set(hash, { kind: "key", ...verified }, epoch);
  lastUsed.touch("key", row.id);
  return verified;
}
