import { randomBytes, randomFillSync } from "node:crypto";

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

// Request ids are drawn from a pool refilled 256 ids at a time (as node:crypto's randomUUID
// does): one call into the system's random source per request was a measurable share of a
// fast route. They are correlation ids, not secrets.
const REQUEST_ID_BYTES = 12;
const requestIdPool = Buffer.alloc(REQUEST_ID_BYTES * 256);
let requestIdAt = requestIdPool.length;

/** Quoted in error bodies and logs so a report can be matched to its log lines (`req_` + 16 characters). */
export function newRequestId(): string {
  if (requestIdAt === requestIdPool.length) {
    randomFillSync(requestIdPool);
    requestIdAt = 0;
  }
  const id = requestIdPool.toString("base64url", requestIdAt, requestIdAt + REQUEST_ID_BYTES);
  requestIdAt += REQUEST_ID_BYTES;
  return `req_${id}`;
}
