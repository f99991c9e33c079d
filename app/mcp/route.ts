import { getConfig } from "@/lib/config";
import { errorResponse, newRequestId } from "@/lib/http/respond";
import { authenticateMcp } from "@/lib/mcp/auth";
import { limitBody } from "@/lib/mcp/body-limit";
import { createPixolaMcpHandler } from "@/lib/mcp/handler";
import { inProcessPort } from "@/lib/mcp/in-process-port";
import { allowedOrigins, originRejection } from "@/lib/mcp/origin";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
// generate_image waits up to MCP_WAIT_SECONDS (50 s by default) before handing over to get_batch.
export const maxDuration = 60;

let handler: ((req: Request) => Promise<Response>) | undefined;
let origins: Set<string> | undefined;

/** Origin check → body cap → the same key check as /api/v1 → mcp-handler, with the key as authInfo. */
async function mcp(incoming: Request): Promise<Response> {
  const requestId = newRequestId();
  try {
    const config = getConfig();
    origins ??= allowedOrigins(config.appUrl, config.mcpAllowedOrigins);
    const denied = originRejection(incoming, origins, requestId);
    if (denied) return denied;
    const req = await limitBody(incoming, requestId);
    if (req instanceof Response) return req;
    const auth = await authenticateMcp((await getRuntime()).db, req, requestId);
    if (auth instanceof Response) return auth;
    req.auth = auth;
    handler ??= createPixolaMcpHandler(inProcessPort, {
      waitMs: config.mcpWaitSeconds * 1000,
      inlineThumbnails: config.mcpInlineThumbnails,
    });
    const res = await handler(req);
    res.headers.set("x-request-id", requestId);
    return res;
  } catch (err) {
    return errorResponse(err, requestId);
  }
}

export { mcp as GET, mcp as POST, mcp as DELETE };
