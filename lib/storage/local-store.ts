import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { contentTypeFor, type ImageStore } from "./image-store";
import { signKey } from "./signing";

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.[a-z0-9]+$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

/** Files under `root`, served by app/files/[...key] through HMAC-signed, expiring URLs. */
export function createLocalStore(opts: { root: string; appUrl: string; secret: string; ttlSeconds: number }): ImageStore {
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(opts.root, key);
  };
  const etagOf = (bytes: Uint8Array) => `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
      return { key, size: bytes.byteLength, etag: etagOf(bytes) };
    },
    async get(key) {
      try {
        const bytes = new Uint8Array(await fs.readFile(fileOf(key)));
        return { bytes, contentType: contentTypeFor(key), size: bytes.byteLength, etag: etagOf(bytes) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    async url(key) {
      const { exp, sig } = signKey(opts.secret, key, opts.ttlSeconds);
      return { url: `${opts.appUrl}/files/${key}?exp=${exp}&sig=${sig}`, expiresAt: new Date(exp * 1000) };
    },
  };
}
