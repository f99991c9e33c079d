import { DomainError } from "@/lib/errors";
import { sendBytes } from "@/lib/http/send-bytes";
import type { ImageStore } from "./image-store";
import { verifySignature } from "./signing";

/**
 * Answers a signed file URL. A bad or expired signature is 403 whether or not the file
 * exists, so URLs cannot be used to probe for keys.
 */
export async function serveFile(store: ImageStore, secret: string, key: string, req: Request): Promise<Response> {
  const q = new URL(req.url).searchParams;
  const exp = q.get("exp");
  if (!verifySignature(secret, key, exp, q.get("sig"))) {
    throw new DomainError("forbidden", "This file link is invalid or has expired. Fetch the image again through the API for a fresh link.");
  }
  const file = await store.get(key);
  if (!file) throw new DomainError("not_found", "File not found.");
  const maxAge = Math.max(0, Number(exp) - Math.floor(Date.now() / 1000));
  return sendBytes(req, file, {
    "content-type": file.contentType,
    "cache-control": `private, max-age=${maxAge}, immutable`,
    // An SVG is a document that can carry script: sandboxed, it runs none on Pixola's origin
    // even when opened directly, and it downloads rather than navigates.
    ...(file.contentType === "image/svg+xml"
      ? { "content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'", "content-disposition": "attachment" }
      : {}),
  });
}
