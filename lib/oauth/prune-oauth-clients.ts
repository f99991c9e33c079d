import { and, inArray, lt, notExists, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { oauthAccessToken, oauthClient, oauthConsent, oauthRefreshToken } from "@/db/schema";

export const UNUSED_CLIENT_DAYS = 30;

const daysAgo = (days: number): SQL => sql`now() - make_interval(days => ${days})`;

/**
 * Deletes dynamically registered clients nobody has used for 30 days: registered more than 30
 * days ago, with no grant used (or made) since, and no refresh token still alive. Anyone may
 * register, so unused rows would otherwise pile up. Returns how many were deleted.
 */
export async function pruneOAuthClients(db: Db, days = UNUSED_CLIENT_DAYS): Promise<number> {
  const cutoff = daysAgo(days);
  return db.transaction(async (tx) => {
    const stale = await tx
      .select({ clientId: oauthClient.clientId })
      .from(oauthClient)
      .where(
        and(
          lt(oauthClient.createdAt, cutoff),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(oauthConsent)
              .where(and(sql`${oauthConsent.clientId} = ${oauthClient.clientId}`, sql`coalesce(${oauthConsent.lastUsedAt}, ${oauthConsent.updatedAt}, ${oauthConsent.createdAt}) >= ${cutoff}`)),
          ),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(oauthRefreshToken)
              .where(and(sql`${oauthRefreshToken.clientId} = ${oauthClient.clientId}`, sql`${oauthRefreshToken.revoked} is null`, sql`${oauthRefreshToken.expiresAt} > now()`)),
          ),
        ),
      )
      .limit(1000);
    if (stale.length === 0) return 0;
    const ids = stale.map((r) => r.clientId);
    // Tokens and grants first: their foreign keys to the client do not all cascade.
    await tx.delete(oauthAccessToken).where(inArray(oauthAccessToken.clientId, ids));
    await tx.delete(oauthRefreshToken).where(inArray(oauthRefreshToken.clientId, ids));
    await tx.delete(oauthConsent).where(inArray(oauthConsent.clientId, ids));
    await tx.delete(oauthClient).where(inArray(oauthClient.clientId, ids));
    return ids.length;
  });
}

const PRUNE_EVERY_MS = 60 * 60_000;
const g = globalThis as unknown as { __pixolaOAuthPrunedAt?: number };

/** At most hourly per process, run before a registration (the only thing that adds clients). */
export async function pruneOAuthClientsOccasionally(db: Db): Promise<void> {
  if (Date.now() - (g.__pixolaOAuthPrunedAt ?? 0) < PRUNE_EVERY_MS) return;
  g.__pixolaOAuthPrunedAt = Date.now();
  await pruneOAuthClients(db);
}
