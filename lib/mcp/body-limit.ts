import { MAX_BODY_BYTES } from "@/lib/http/read-json";
import { jsonRpcRejection } from "./rejection";

/**
 * Caps request bodies at the REST limit. mcp-handler parses the whole body itself before the
 * SDK's own 4 MiB limit could apply, so without this a client could make us read and parse
 * any size. A declared Content-Length is checked at once; a body sent without one is read up
 * to the limit and passed on buffered.
 */
export async function limitBody(req: Request, requestId: string): Promise<Request | Response> {
  const tooLarge = () => jsonRpcRejection(413, `Payload Too Large: the request body is larger than the ${MAX_BODY_BYTES / 1024} KB limit.`, requestId);
  const declared = req.headers.get("content-length");
  if (declared !== null) return Number(declared) > MAX_BODY_BYTES ? tooLarge() : req;
  if (!req.body) return req;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  // The client's signal goes along: it is how a disconnect reaches a waiting generate_image.
  return new Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(chunks), signal: req.signal });
}
