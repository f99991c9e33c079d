import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { randomBase62 } from "@/lib/ids";

/**
 * Key shape: `pxk_` + 32 random base62 characters (~190 bits) + a 6-character base62
 * CRC32 of those 32. The checksum lets us (and secret scanners) reject typos and
 * made-up keys offline, before any database query.
 */
export const KEY_PREFIX = "pxk_";
const BODY_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
export const KEY_PATTERN = /^pxk_[0-9A-Za-z]{38}$/;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function checksum(body: string): string {
  let n = crc32(body);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function generateKey(): string {
  const body = randomBase62(BODY_LENGTH);
  return `${KEY_PREFIX}${body}${checksum(body)}`;
}

/** True when the string has the key shape and a valid checksum. */
export function isWellFormedKey(key: string): boolean {
  if (!KEY_PATTERN.test(key)) return false;
  const body = key.slice(KEY_PREFIX.length, KEY_PREFIX.length + BODY_LENGTH);
  return checksum(body) === key.slice(KEY_PREFIX.length + BODY_LENGTH);
}

export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** What may be shown after creation: `pxk_Ab3d` and the last four characters. */
export const displayParts = (key: string) => ({ start: key.slice(0, 8), last4: key.slice(-4) });
