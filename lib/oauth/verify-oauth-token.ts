import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { requestToResourceInput, verifyAccessTokenRequest } from "better-auth/oauth2";
import type { JSONWebKeySet, JWTPayload } from "jose";
import type { Db } from "@/db/client";
import { oauthConsent } from "@/db/schema";
import type { Scope } from "@/lib/context";
import { credentialsOf } from "@/lib/credentials/credentials";
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

// One cache slot per process for the key set; better-auth refetches on an unknown key id.
const JWKS_CACHE = {};

/**
 * Verifies an OAuth access token presented to /mcp, or returns null: signature against our
 * JWKS, issuer, audience, expiry and type (better-auth's verifier), then — ourselves — the
 * audience once more (exactly ${APP_URL}/mcp, nothing else beside it: GHSA-p2fr-6hmx-4528),
 * and the grant: it must still exist and be older than the token, so Revoke on Connected
 * apps (which deletes it) stops every token at once, and a grant made again later does not
 * revive tokens issued before the revocation.
 *
 * A token this process verified before is answered from the credential cache
 * (lib/credentials/credentials.ts) until its expiry; a change to its grant evicts it.
 */
export async function verifyOAuthToken(v: OAuthVerifier, req: Request, token: string): Promise<VerifiedGrant | null> {
  const hash = createHash("sha256").update(token).digest("hex");
  const { cache, lastUsed } = credentialsOf(v.db);
  const hit = cache.get(hash);
  if (hit?.kind === "grant") {
    lastUsed.touch("grant", hit.grantId);
    return { grantId: hit.grantId, clientId: hit.clientId, userId: hit.userId, scopes: hit.scopes };
  }
  const epoch = cache.epoch();
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
  if (!userId || !clientId || typeof claims.iat !== "number" || typeof claims.exp !== "number") return null;

  const [grant] = await v.db
    .select({ id: oauthConsent.id, createdAt: oauthConsent.createdAt, scopes: oauthConsent.scopes })
    .from(oauthConsent)
    .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)));
  if (!grant?.createdAt || claims.iat < Math.floor(grant.createdAt.getTime() / 1000)) return null;

  // What the token says, within what the grant allows today (a narrowed grant bites at once).
  const scopes = String(claims.scope ?? "")
    .split(" ")
    .filter((s) => isScope(s) && grant.scopes.includes(s)) as Scope[];
  const verified = { grantId: grant.id, clientId, userId, scopes };
  cache.set(hash, { kind: "grant", ...verified, expiresAt: claims.exp * 1000 }, epoch);
  lastUsed.touch("grant", grant.id);
  return verified;
}
