import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { withAccessLog } from "@/lib/http/access-log";
import { errorResponse } from "@/lib/http/respond";
import { newRequestId } from "@/lib/ids";
import { authenticateMcp } from "@/lib/mcp/hosted/auth";
import { limitBody } from "@/lib/mcp/hosted/body-limit";
import { createPixolaMcpHandler } from "@/lib/mcp/hosted/handler";
import { storeImageOrigins } from "@/lib/mcp/hosted/image-origins";
import { inProcessPort } from "@/lib/mcp/hosted/in-process-port";
import { initializeRejection } from "@/lib/mcp/hosted/initialize-check";
import { allowedOrigins, originRejection } from "@/lib/mcp/hosted/origin";
import { insufficientScope } from "@/lib/mcp/hosted/oauth-scope";
import { limitToolCalls } from "@/lib/mcp/hosted/tool-call-limit";
import { mcpOAuthVerifier } from "@/lib/oauth/mcp-verifier";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
// generate_image waits up to MCP_WAIT_SECONDS (50 s by default) before handing over to get_batch.
export const maxDuration = 60;

let handler: ((req: Request) => Promise<Response>) | undefined;
let origins: Set<string> | undefined;

/**
 * Origin check → body cap → the same key check as /api/v1, or an OAuth access token →
 * initialize params check → an OAuth token's scopes (403 step-up) → the shared per-key (or
 * per-grant) rate limit, once per tools/call (batches too) → mcp-handler, with the credential as authInfo.
 */
function mcp(incoming: Request): Promise<Response> {
  const requestId = newRequestId();
  return withAccessLog(incoming, requestId, undefined, () => serve(incoming, requestId));
}

async function serve(incoming: Request, requestId: string): Promise<Response> {
  try {
    const config = getConfig();
    origins ??= allowedOrigins(config.appUrl, config.mcpAllowedOrigins);
    const denied = originRejection(incoming, origins, requestId);
    if (denied) return denied;
    const capped = await limitBody(incoming, requestId);
    if (capped instanceof Response) return capped;
    const { req, body } = capped;
    const rt = await getRuntime();
    const auth = await authenticateMcp(rt.db, req, requestId, mcpOAuthVerifier(rt.db, config.appUrl));
    if (auth instanceof Response) return auth;
    const invalid = initializeRejection(body, requestId);
    if (invalid) return invalid;
    const forbidden = insufficientScope(rt.db, body, auth, config.appUrl, requestId);
    if (forbidden) return forbidden;
    const limitHeaders = await limitToolCalls(body, auth, rt.db, rt.rateLimiter);
    req.auth = auth;
    handler ??= createPixolaMcpHandler(inProcessPort, {
      waitMs: config.mcpWaitSeconds * 1000,
      inlineThumbnails: config.mcpInlineThumbnails,
      log,
      imageOrigins: storeImageOrigins,
    });
    const res = await handler(req);
    res.headers.set("x-request-id", requestId);
    for (const [name, value] of Object.entries(limitHeaders)) res.headers.set(name, value);
    return res;
  } catch (err) {
    return errorResponse(err, requestId);
  }
}

/**
 * Only POST is served: stateless serving has no standalone GET stream and no session to
 * DELETE, so those answer the SDK's 405 (after the key check). Next's automatic OPTIONS
 * would list every export, GET and DELETE included.
 */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { Allow: "OPTIONS, POST" } });
}

export { mcp as GET, mcp as POST, mcp as DELETE };
