import { MAX_BODY_BYTES, readCappedBody } from "@/lib/http/read-capped";
import { jsonRpcRejection } from "./rejection";

/** A /mcp body read once: the parsed JSON for the SDK (undefined when empty or not JSON). */
export interface McpBody {
  parsed: unknown;
}

const isJson = (req: Request) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(req.headers.get("content-type") ?? "");

/**
 * Reads and parses the body once; the checks before the handler and the handler itself
 * (`parsedBody`) all use this one parse, and the request is not rebuilt. Caps it at the REST
 * limit: a declared Content-Length is checked at once; otherwise the body is read up to the
 * limit. A JSON body that does not parse is answered here, as the SDK would (400, -32700);
 * other content types are left to the SDK's own 415.
 */
export async function readMcpBody(req: Request, requestId: string): Promise<McpBody | Response> {
  if (!req.body) return { parsed: undefined };
  const bytes = await readCappedBody(req);
  if (!bytes) return jsonRpcRejection(413, `Payload Too Large: the request body is larger than the ${MAX_BODY_BYTES / 1024} KB limit.`, requestId);
  if (!isJson(req)) return { parsed: undefined };
  try {
    return { parsed: JSON.parse(bytes.toString("utf8")) };
  } catch {
    return Response.json(
      { jsonrpc: "2.0", error: { code: -32700, message: "Parse error: Invalid JSON" }, id: null },
      { status: 400, headers: { "x-request-id": requestId } },
    );
  }
}
