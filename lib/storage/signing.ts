import { createHmac, timingSafeEqual } from "node:crypto";

const BUCKET_SECONDS = 3600;

const sign = (secret: string, key: string, exp: number) =>
  createHmac("sha256", secret).update(`${key}\n${exp}`).digest("base64url");

/**
 * Signs `key` until about `ttlSeconds` from now. The expiry is rounded up to the hour so
 * that repeated reads return the same URL and browsers and CDNs can cache the file.
 */
export function signKey(secret: string, key: string, ttlSeconds: number, now = Date.now()) {
  const exp = Math.ceil((now / 1000 + ttlSeconds) / BUCKET_SECONDS) * BUCKET_SECONDS;
  return { exp, sig: sign(secret, key, exp) };
}

export function verifySignature(secret: string, key: string, exp: string | null, sig: string | null, now = Date.now()) {
  // Only the spelling signKey produces: a leading zero would be a second URL for one signature.
  if (!exp || !sig || !/^[1-9]\d{0,11}$/.test(exp)) return false;
  if (Number(exp) * 1000 < now) return false;
  const expected = Buffer.from(sign(secret, key, Number(exp)));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
