import type { ImagePreview } from "@/lib/images/get-image-preview";

/**
 * A preview as an HTTP response. It answers a key, so only the client's own cache may keep it
 * (private, varying on Authorization); an hour is long enough for a gallery and short enough
 * that a revoked key stops seeing it soon. The size is in headers, for clients without a decoder.
 */
export function sendPreview(req: Request, preview: ImagePreview): Response {
  const headers: Record<string, string> = {
    "content-type": preview.contentType,
    etag: preview.etag,
    "cache-control": "private, max-age=3600",
    vary: "Authorization",
    "x-content-type-options": "nosniff",
    "x-preview-width": String(preview.width),
    "x-preview-height": String(preview.height),
  };
  if (req.headers.get("if-none-match") === preview.etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(preview.bytes), { headers: { ...headers, "content-length": String(preview.bytes.byteLength) } });
}
