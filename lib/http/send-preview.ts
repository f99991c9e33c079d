import type { ImagePreview } from "@/lib/images/get-image-preview";
import { sendBytes } from "./send-bytes";

/**
 * A preview as an HTTP response. It answers a key, so only the client's own cache may keep it
 * (private, varying on Authorization); an hour is long enough for a gallery and short enough
 * that a revoked key stops seeing it soon. The size is in headers, for clients without a decoder.
 */
export function sendPreview(req: Request, preview: ImagePreview): Response {
  return sendBytes(req, preview, {
    "content-type": preview.contentType,
    "cache-control": "private, max-age=3600",
    vary: "Authorization",
    "x-preview-width": String(preview.width),
    "x-preview-height": String(preview.height),
  });
}
