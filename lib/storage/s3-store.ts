import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { log } from "@/lib/log";
import { contentTypeFor, type ImageStore } from "./image-store";
import { assertSafeKey } from "./local-store";

export interface S3StoreOptions {
  bucket: string;
  /** Set for MinIO, R2 and other S3-compatible services; unset means AWS itself. */
  endpoint?: string;
  region: string;
  /** Both or neither: without them the SDK's default chain (env, profile, instance role) is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  ttlSeconds: number;
}

/** SigV4 presigned URLs cannot be valid for longer than seven days; S3 rejects larger X-Amz-Expires. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** Objects in an S3-compatible bucket, handed out through presigned GET URLs (the bucket stays private). */
export function createS3Store(opts: S3StoreOptions): ImageStore {
  const expiresIn = Math.min(opts.ttlSeconds, MAX_PRESIGN_SECONDS);
  if (opts.ttlSeconds > MAX_PRESIGN_SECONDS) {
    log.warn("signed URL TTL capped for S3: presigned URLs cannot outlive 7 days", {
      requestedSeconds: opts.ttlSeconds,
      usedSeconds: expiresIn,
    });
  }
  const config: S3ClientConfig = {
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle,
    credentials:
      opts.accessKeyId && opts.secretAccessKey
        ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey }
        : undefined,
    // A stalled bucket must not hold a worker's lease forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  };
  if (opts.endpoint) {
    // Since 3.729 the SDK sends CRC32 checksums on every upload and validates them on download;
    // MinIO (older), R2 and s3rver reject or omit them, so only send what the operation requires.
    config.requestChecksumCalculation = "WHEN_REQUIRED";
    config.responseChecksumValidation = "WHEN_REQUIRED";
  }
  const client = new S3Client(config);
  const Bucket = opts.bucket;

  return {
    async put(key, bytes, { contentType }) {
      assertSafeKey(key);
      const out = await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          // Keys never get new content (a new image gets a new key), so caches may keep them.
          CacheControl: "private, max-age=31536000, immutable",
        }),
      );
      return { key, size: bytes.byteLength, etag: out.ETag ?? "" };
    },
    async get(key) {
      assertSafeKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        const bytes = await out.Body!.transformToByteArray();
        return {
          bytes,
          contentType: out.ContentType ?? contentTypeFor(key),
          size: bytes.byteLength,
          etag: out.ETag ?? "",
        };
      } catch (e) {
        if (isMissingObject(e)) return null;
        throw e;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      // S3 answers 204 for a key that is already gone, which keeps delete idempotent.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async url(key) {
      assertSafeKey(key);
      const contentType = contentTypeFor(key);
      // Whole seconds: X-Amz-Date has no fraction, so expiresAt matches what S3 enforces.
      const signingDate = new Date(Math.floor(Date.now() / 1000) * 1000);
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentType: contentType,
        // An SVG opened inline would run its scripts on the bucket's origin; force a download.
        ResponseContentDisposition: contentType === "image/svg+xml" ? "attachment" : undefined,
      });
      const url = await getSignedUrl(client, command, { expiresIn, signingDate });
      return { url, expiresAt: new Date(signingDate.getTime() + expiresIn * 1000) };
    },
  };
}

/** NoSuchKey, or a bare 404 from services that omit the code; a missing bucket stays an error. */
function isMissingObject(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (err?.name === "NoSuchKey") return true;
  return err?.$metadata?.httpStatusCode === 404 && err.name !== "NoSuchBucket";
}
