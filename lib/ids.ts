import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `n` uniformly random base62 characters (rejection sampling keeps the distribution flat). */
export function randomBase62(n: number): string {
  let out = "";
  while (out.length < n) {
    for (const byte of randomBytes(n * 2)) {
      if (byte < 248 && out.length < n) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export type IdPrefix = "bat" | "img" | "key" | "usr" | "led" | "inv";

/** Public ids carry their kind: `bat_…`, `img_…`, `key_…` (about 119 random bits). */
export const newId = (prefix: IdPrefix) => `${prefix}_${randomBase62(20)}`;

/** Quoted in error bodies and logs so a report can be matched to its log lines. */
export const newRequestId = () => `req_${randomBytes(12).toString("base64url")}`;
