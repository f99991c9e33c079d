import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

/** SignatureV4's hash interface over node:crypto, so the check does not reuse the SDK's hashing. */
class Sha256 {
  private readonly secret?: Buffer;
  private h: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.secret = secret === undefined ? undefined : toBuffer(secret);
    this.h = this.fresh();
  }
  private fresh() {
    return this.secret ? createHmac("sha256", this.secret) : createHash("sha256");
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.h.update(toBuffer(data));
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
  reset() {
    this.h = this.fresh();
  }
}

function toBuffer(d: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof d === "string") return Buffer.from(d, "utf8");
  if (ArrayBuffer.isView(d)) return Buffer.from(d.buffer, d.byteOffset, d.byteLength);
  return Buffer.from(d);
}

const SIGNING_PARAMS = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"];

/**
 * Signs again, from scratch, the GET request a presigned URL describes (same key id, scope, date
 * and expiry, read back from the URL) with `secretAccessKey`, and returns the signature. A URL
 * whose X-Amz-Signature equals this is one real S3 would accept for that secret.
 */
export async function resignPresignedUrl(presigned: string, secretAccessKey: string): Promise<string> {
  const u = new URL(presigned);
  const q = Object.fromEntries(u.searchParams);
  const [accessKeyId, , region, service] = q["X-Amz-Credential"].split("/");
  const d = q["X-Amz-Date"]; // yyyyMMddTHHmmssZ
  const signingDate = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);
  const query = Object.fromEntries(Object.entries(q).filter(([k]) => !SIGNING_PARAMS.includes(k)));
  // S3 uses the path as sent (no second escaping) and an unsigned payload for presigned GETs.
  const signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey }, region, service, sha256: Sha256, uriEscapePath: false });
  const payload = new Set(["x-amz-content-sha256"]); // read as the payload hash, neither hoisted nor signed
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: u.protocol,
      hostname: u.hostname,
      port: u.port ? Number(u.port) : undefined,
      path: u.pathname,
      query,
      headers: { host: u.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    },
    { signingDate, expiresIn: Number(q["X-Amz-Expires"]), unhoistableHeaders: payload, unsignableHeaders: payload },
  );
  return signed.query?.["X-Amz-Signature"] as string;
}
