import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { requestToResourceInput, verifyAccessTokenRequest } from "better-auth/oauth2";
import type { JSONWebKeySet, JWTPayload } from "jose";
import type { Db } from "@/db/client";
import { oauthConsent } from "@/db/schema";
import type { Scope } from "@/lib/context";
import { mcpResource, oauthIssuer } from "./oauth-plugins";
import { isScope } from "./scopes";

export interface VerifiedGrant {
  /** The grant (oauth_consent row): what rate limits count against and Connected apps revokes. */
  grantId: string;
  clientId: string;
  userId: string;
  scopes: Scope[];
}

export interface OAuthVerifier {
  db: Db;
  appUrl: string;
  /** The authorization server's own key set, read in-process (no HTTP round trip to APP_URL). */
  jwks: () => Promise<JSONWebKeySet | undefined>;
}

const LAST_USED_DEBOUNCE_MINUTES = 5;
// One cache slot per process for the key set; better-auth refetches on an unknown key id.
const JWKS_CACHE = {};

/**
 * Verifies an OAuth access token presented to /mcp, or returns null: signature against our
 * JWKS, issuer, audience, expiry and type (better-auth's verifier), then — ourselves — the
 * audience once more (exactly ${APP_URL}/mcp, nothing else beside it: GHSA-p2fr-6hmx-4528),
 * and the grant: it must still exist and be older than the token, so Revoke on Connected
 * apps (which deletes it) stops every token at once, and a grant made again later does not
 * revive tokens issued before the revocation.
 */
export async function verifyOAuthToken(v: OAuthVerifier, req: Request): Promise<VerifiedGrant | null> {
  const resource = mcpResource(v.appUrl);
  let claims: JWTPayload;
  try {
    claims = await verifyAccessTokenRequest(requestToResourceInput(req), {
      verifyOptions: { issuer: oauthIssuer(v.appUrl), audience: resource, typ: "at+jwt" },
      jwksFetch: v.jwks,
      jwksCacheKey: JWKS_CACHE,
    });
  } catch {
    return null;
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (audiences.length !== 1 || audiences[0] !== resource) return null;
  const userId = claims.sub;
  const clientId = typeof claims.azp === "string" ? claims.azp : undefined;
  if (!userId || !clientId || typeof claims.iat !== "number") return null;

  const [grant] = await v.db
    .select({ id: oauthConsent.id, createdAt: oauthConsent.createdAt, lastUsedAt: oauthConsent.lastUsedAt, scopes: oauthConsent.scopes })
    .from(oauthConsent)
    .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)));
  if (!grant?.createdAt || claims.iat < Math.floor(grant.createdAt.getTime() / 1000)) return null;
  await touchGrant(v.db, grant.id, grant.lastUsedAt);

  // What the token says, within what the grant allows today (a narrowed grant bites at once).
  const scopes = String(claims.scope ?? "")
    .split(" ")
    .filter((s) => isScope(s) && grant.scopes.includes(s)) as Scope[];
  return { grantId: grant.id, clientId, userId, scopes };
}

/** Last used, for Connected apps and the client prune: forward-only, at most every few minutes. */
async function touchGrant(db: Db, grantId: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < LAST_USED_DEBOUNCE_MINUTES * 60_000) return;
  await db
    .update(oauthConsent)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(oauthConsent.id, grantId),
        or(isNull(oauthConsent.lastUsedAt), lt(oauthConsent.lastUsedAt, sql`now() - make_interval(mins => ${LAST_USED_DEBOUNCE_MINUTES})`)),
      ),
    );
}
