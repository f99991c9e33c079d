import { oauthProviderAuthServerMetadata } from "@better-auth/oauth-provider";
import { getAuth } from "@/lib/auth/auth";
import { getConfig } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { withAccessLog } from "@/lib/http/access-log";
import { errorResponse } from "@/lib/http/respond";
import { newRequestId } from "@/lib/ids";
import { oauthEnabled } from "./oauth-plugins";

/** Metadata is public and read by browser-based clients (the MCP Inspector) across origins. */
const CORS = { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, OPTIONS", "access-control-allow-headers": "mcp-protocol-version" };

type Serve = (req: Request) => Promise<Response>;

/**
 * A discovery document route: JSON 404 when OAuth is off for this APP_URL (lib/oauth/oauth-plugins.ts),
 * else better-auth's document, with CORS, a request id and the access line.
 */
function discoveryRoute(serve: Serve) {
  return (req: Request): Promise<Response> => {
    const requestId = newRequestId();
    return withAccessLog(req, requestId, undefined, async () => {
      try {
        const path = new URL(req.url).pathname;
        if (!oauthEnabled(getConfig().appUrl)) throw new DomainError("not_found", `There is no document ${path} on this server.`);
        const res = await serve(req);
        const json = res.ok && (res.headers.get("content-type") ?? "").includes("json");
        const out = new Response(json ? JSON.stringify(withoutUnsupported(await res.json())) : res.body, res);
        out.headers.delete("content-length");
        for (const [name, value] of Object.entries(CORS)) out.headers.set(name, value);
        out.headers.set("x-request-id", requestId);
        return out;
      } catch (err) {
        return errorResponse(err, requestId, CORS);
      }
    });
  };
}

/**
 * What the libraries advertise but /mcp does not honour: DPoP. /mcp takes Bearer tokens only,
 * so a client that believed the metadata and bound its token with DPoP would be refused.
 */
function withoutUnsupported(doc: Record<string, unknown>): Record<string, unknown> {
  const { dpop_signing_alg_values_supported: _dpop, ...rest } = doc;
  return rest;
}

/**
 * RFC 9728 protected-resource metadata of /mcp, served by @better-auth/mcp's request hook,
 * which answers both /.well-known/oauth-protected-resource and …/mcp whatever the base path.
 */
export const protectedResourceRoute = discoveryRoute(async (req) => (await getAuth()).handler(req));

/**
 * RFC 8414 authorization-server metadata. The issuer is ${APP_URL}/api/auth, so clients look
 * at /.well-known/oauth-authorization-server/api/auth; older ones try the root as well.
 */
export const authorizationServerRoute = discoveryRoute(async (req) => oauthProviderAuthServerMetadata(await getAuth())(req));

export const discoveryOptions = (): Response => new Response(null, { status: 204, headers: CORS });
