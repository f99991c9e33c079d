/** Where image bytes live. Provider URLs expire, so every image is copied into a store. */
export interface StoredObject {
  key: string;
  size: number;
  etag: string;
}

export interface ImageStore {
  put(key: string, bytes: Uint8Array, opts: { contentType: string }): Promise<StoredObject>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string; size: number; etag: string } | null>;
  delete(key: string): Promise<void>;
  /**
   * An absolute URL the holder can download from until `expiresAt`. Async because S3 presigning
   * resolves credentials and the endpoint before it can sign.
   */
  url(key: string): Promise<{ url: string; expiresAt: Date }>;
}

export const extensionFor = (mimeType: string) =>
  ({ "image/png": "png", "image/webp": "webp", "image/jpeg": "jpg", "image/svg+xml": "svg" })[mimeType] ?? "bin";

export const contentTypeFor = (key: string) =>
  ({ png: "image/png", webp: "image/webp", jpg: "image/jpeg", svg: "image/svg+xml" })[key.split(".").pop() ?? ""] ??
  "application/octet-stream";
