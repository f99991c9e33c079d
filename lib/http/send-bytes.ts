/**
 * Stored bytes as a response: 304 when the client's If-None-Match holds the ETag, else the
 * bytes. `headers` carry what differs between callers (type, caching); both answers carry them.
 */
export function sendBytes(req: Request, file: { bytes: Uint8Array; etag: string }, headers: Record<string, string>): Response {
  const all = { ...headers, etag: file.etag, "x-content-type-options": "nosniff" };
  if (req.headers.get("if-none-match") === file.etag) return new Response(null, { status: 304, headers: all });
  return new Response(Buffer.from(file.bytes), { headers: { ...all, "content-length": String(file.bytes.byteLength) } });
}
