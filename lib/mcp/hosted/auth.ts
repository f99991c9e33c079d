import type { AuthInfo } from "@modelcontextprotocol/server";
import type { Db } from "@/db/client";
import type { Actor, Ctx, Scope } from "@/lib/context";
import { ALL_SCOPES } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { authenticate } from "@/lib/http/authenticate";
import { errorResponse } from "@/lib/http/respond";
import { verifyOAuthToken, type OAuthVerifier } from "@/lib/oauth/verify-oauth-token";

interface PixolaAuthExtra extends Record<string, unknown> {
  userId: string;
  requestId: string;
  /** Who the credential is: an API key, or an OAuth grant (a user's consent to a client). */
  actor: Extract<Actor, { kind: "apiKey" } | { kind: "oauth" }>;
}

/** Where a client that got a 401 finds how to sign in (RFC 9728), and what to ask for. */
export function bearerChallenge(appUrl: string | null, error?: string): string {
  const parts = ['realm="pixola"'];
  if (error) parts.push(`error="${error}"`);
  if (appUrl) parts.push(`resource_metadata="${appUrl}/.well-known/oauth-protected-resource/mcp"`, `scope="${ALL_SCOPES.join(" ")}"`);
  return `Bearer ${parts.join(", ")}`;
}

const OAUTH_TOKEN = /^Bearer\s+(\S+)\s*$/i;

/**
 * The credential of a /mcp request. A bearer starting `pxk_` (or anything that is not a
 * bearer) goes through the same key check as /api/v1, unchanged; any other bearer is an OAuth
 * access token (lib/oauth/verify-oauth-token.ts). `oauth` is null when OAuth is off (APP_URL
 * neither https nor loopback): then every bearer is a key and the 401 names no metadata.
 * A failure is an HTTP 401 with the REST error body and a Bearer challenge.
 */
export async function authenticateMcp(
  db: Db,
  req: Request,
  requestId: string,
  oauth: OAuthVerifier | null,
): Promise<AuthInfo | Response> {
  const appUrl = oauth?.appUrl ?? null;
  const token = OAUTH_TOKEN.exec(req.headers.get("authorization") ?? "")?.[1];
  try {
    if (oauth && token && !token.startsWith("pxk_") && !new URL(req.url).searchParams.has("api_key")) {
      const grant = await verifyOAuthToken(oauth, req);
      if (!grant) throw new DomainError("unauthorized", "Invalid access token: it is malformed, expired, revoked or meant for another server. Sign in again.");
      const actor = { kind: "oauth", grantId: grant.grantId, clientId: grant.clientId, scopes: grant.scopes } as const;
      return toAuthInfo(grant.userId, actor, requestId);
    }
    const key = await authenticate(db, req);
    return toAuthInfo(key.userId, { kind: "apiKey", keyId: key.keyId, scopes: key.scopes }, requestId);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === "unauthorized")) throw err;
    // RFC 6750 §3.1: no error code when no credentials were presented at all.
    const challenge = bearerChallenge(appUrl, req.headers.has("authorization") ? "invalid_token" : undefined);
    return errorResponse(err, requestId, { "www-authenticate": challenge });
  }
}

function toAuthInfo(userId: string, actor: PixolaAuthExtra["actor"], requestId: string): AuthInfo {
  const extra: PixolaAuthExtra = { userId, actor, requestId };
  const id = actor.kind === "apiKey" ? actor.keyId : actor.grantId;
  // The credential itself is not carried further: tools act through the verified identity only.
  return { token: id, clientId: actor.kind === "apiKey" ? actor.keyId : actor.clientId, scopes: actor.scopes, extra };
}

/** The domain context of a tool call, from what the route verified. */
export function ctxFromAuthInfo(db: Db, auth: AuthInfo | undefined): Ctx {
  const extra = auth?.extra as PixolaAuthExtra | undefined;
  // The route authenticates every request before the handler runs, so this is a wiring fault.
  if (!auth || !extra?.userId) throw new Error("MCP tool called without a verified credential");
  return { db, userId: extra.userId, actor: extra.actor, requestId: extra.requestId };
}

/** The scopes a verified credential carries (keys' and grants' alike). */
export const scopesOf = (auth: AuthInfo): Scope[] => auth.scopes as Scope[];
