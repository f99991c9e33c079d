import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { withAccessLog } from "@/lib/http/access-log";
import { errorResponse } from "@/lib/http/respond";
import { newRequestId } from "@/lib/ids";
import { authenticateMcp } from "@/lib/mcp/hosted/auth";
import { readMcpBody } from "@/lib/mcp/hosted/body-limit";
import { createPixolaMcpHandler, type PixolaMcpHandler } from "@/lib/mcp/hosted/handler";
import { storeImageOrigins } from "@/lib/mcp/hosted/image-origins";
import { inProcessPort } from "@/lib/mcp/hosted/in-process-port";
import { initializeRejection } from "@/lib/mcp/hosted/initialize-check";
import { allowedOrigins, originRejection } from "@/lib/mcp/hosted/origin";
import { jsonRpcMessages } from "@/lib/mcp/hosted/messages";
import { insufficientScope } from "@/lib/mcp/hosted/oauth-scope";
import { limitToolCalls } from "@/lib/mcp/hosted/tool-call-limit";
import { mcpOAuthVerifier } from "@/lib/oauth/mcp-verifier";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
// generate_image waits up to MCP_WAIT_SECONDS (50 s by default) before handing over to get_batch.
export const maxDuration = 60;

// Made once per process, on the first request (the configuration is read at run time).
let handler: PixolaMcpHandler | undefined;
let origins: Set<string> | undefined;

/**
 * Origin check → body cap → the same key check as /api/v1, or an OAuth access token →
 * initialize params check → an OAuth token's scopes (403 step-up) → the shared per-key (or
 * per-grant) rate limit, once per tools/call (batches too) → the SDK's handler, with the
 * credential as authInfo. The body is read and parsed once, and the request is not rebuilt.
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
    const body = await readMcpBody(incoming, requestId);
    if (body instanceof Response) return body;
    const rt = await getRuntime();
    const auth = await authenticateMcp(rt.db, incoming, requestId, mcpOAuthVerifier(rt.db, config.appUrl));
    if (auth instanceof Response) return auth;
    const messages = jsonRpcMessages(body.parsed);
    const invalid = initializeRejection(messages, requestId);
    if (invalid) return invalid;
    const forbidden = insufficientScope(rt.db, messages, auth, config.appUrl, requestId);
    if (forbidden) return forbidden;
    const limitHeaders = await limitToolCalls(messages, auth, rt.db, rt.rateLimiter);
    handler ??= createPixolaMcpHandler(inProcessPort, {
      waitMs: config.mcpWaitSeconds * 1000,
      inlineThumbnails: config.mcpInlineThumbnails,
      log,
      imageOrigins: storeImageOrigins,
    });
    const res = await handler(incoming, { authInfo: auth, parsedBody: body.parsed });
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
