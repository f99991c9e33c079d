export const MAX_BODY_BYTES = 64 * 1024;

/** What a refused body is told (413 payload_too_large). */
export const BODY_TOO_LARGE = `The request body is larger than the ${MAX_BODY_BYTES / 1024} KB limit.`;

/**
 * Reads a request body of at most `MAX_BODY_BYTES`, or answers null as soon as it is larger
 * (declared by Content-Length or found while streaming), without reading the rest.
 */
export async function readCappedBody(req: Request): Promise<Buffer | null> {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) return null;
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
