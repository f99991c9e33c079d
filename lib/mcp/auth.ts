import type { AuthInfo } from "@modelcontextprotocol/server";
import type { Db } from "@/db/client";
import type { VerifiedKey } from "@/lib/api-keys/verify-api-key";
import type { Ctx, Scope } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { authenticate } from "@/lib/http/authenticate";
import { errorResponse } from "@/lib/http/respond";

interface PixolaAuthExtra extends Record<string, unknown> {
  userId: string;
  keyId: string;
  requestId: string;
}

/**
 * The same key check as /api/v1. A failure is an HTTP 401 with the REST error body and a
 * plain Bearer challenge: no `resource_metadata`, which would send OAuth-capable clients
 * looking for an authorization server this app does not run.
 */
export async function authenticateMcp(db: Db, req: Request, requestId: string): Promise<AuthInfo | Response> {
  try {
    const key = await authenticate(db, req);
    return toAuthInfo(key, requestId);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === "unauthorized")) throw err;
    // RFC 6750 §3.1: no error code when no credentials were presented at all.
    const challenge = req.headers.has("authorization") ? 'Bearer realm="pixola", error="invalid_token"' : 'Bearer realm="pixola"';
    return errorResponse(err, requestId, { "www-authenticate": challenge });
  }
}

function toAuthInfo(key: VerifiedKey, requestId: string): AuthInfo {
  const extra: PixolaAuthExtra = { userId: key.userId, keyId: key.keyId, requestId };
  // The key itself is not carried further: tools act through the verified identity only.
  return { token: key.keyId, clientId: key.keyId, scopes: key.scopes, extra };
}

/** The domain context of a tool call, from what the route verified. */
export function ctxFromAuthInfo(db: Db, auth: AuthInfo | undefined): Ctx {
  const extra = auth?.extra as PixolaAuthExtra | undefined;
  // The route authenticates every request before the handler runs, so this is a wiring fault.
  if (!auth || !extra?.userId) throw new Error("MCP tool called without a verified API key");
  return {
    db,
    userId: extra.userId,
    actor: { kind: "apiKey", keyId: extra.keyId, scopes: auth.scopes as Scope[] },
    requestId: extra.requestId,
  };
}
