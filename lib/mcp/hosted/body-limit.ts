import { MAX_BODY_BYTES, readCappedBody } from "@/lib/http/read-capped";
import { jsonRpcRejection } from "./rejection";

/**
 * Caps request bodies at the REST limit. mcp-handler parses the whole body itself before the
 * SDK's own 4 MiB limit could apply, so without this a client could make us read and parse
 * any size. A declared Content-Length is checked at once; otherwise the body is read up to
 * the limit. Returns the request rebuilt from the buffered body, and that body's text.
 */
export async function limitBody(req: Request, requestId: string): Promise<{ req: Request; body: string } | Response> {
  const tooLarge = () => jsonRpcRejection(413, `Payload Too Large: the request body is larger than the ${MAX_BODY_BYTES / 1024} KB limit.`, requestId);
  if (!req.body) return { req, body: "" };
  const bytes = await readCappedBody(req);
  if (!bytes) return tooLarge();
  const body = bytes.toString("utf8");
  // The client's signal goes along: it is how a disconnect reaches a waiting generate_image.
  return { req: new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal }), body };
}
