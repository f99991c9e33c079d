import { trustedOrigins } from "@/lib/http/trusted-origins";
import { jsonRpcRejection } from "./rejection";

/**
 * Browsers send `Origin` on cross-site requests; answering only our own pages (and the
 * configured list) keeps a web page from driving a user's MCP session. Clients that are
 * not browsers send no Origin and pass. Unlike the SDK's hostname check, the whole origin
 * (scheme, host and port) must match. The same origins are trusted for dashboard sign-in.
 */
export const allowedOrigins = trustedOrigins;

export function originRejection(req: Request, allowed: Set<string>, requestId: string): Response | null {
  const origin = req.headers.get("origin");
  if (origin === null || allowed.has(normalize(origin))) return null;
  return jsonRpcRejection(
    403,
    `Forbidden: requests from origin '${origin}' are not allowed. Browser pages may call /mcp only from this app's own origin or MCP_ALLOWED_ORIGINS.`,
    requestId,
  );
}

function normalize(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return "invalid"; // includes the opaque origin `null`
  }
}
