import { createHash } from "node:crypto";
import { randomBase62 } from "@/lib/ids";

/**
 * Invite codes: `pxi_` + 24 random base62 characters (~143 bits), so they cannot be guessed
 * and a plain SHA-256 is enough to store them (no salt or slow hash needed).
 */
export const INVITE_PREFIX = "pxi_";
export const INVITE_PATTERN = /^pxi_[0-9A-Za-z]{24}$/;

export const generateInviteCode = () => `${INVITE_PREFIX}${randomBase62(24)}`;

/** Pasted codes often carry spaces or a line break; the shape is checked before any query. */
export const normalizeInviteCode = (raw: unknown): string | null => {
  if (typeof raw !== "string") return null;
  const code = raw.trim();
  return INVITE_PATTERN.test(code) ? code : null;
};

export const hashInviteCode = (code: string) => createHash("sha256").update(code).digest("hex");
