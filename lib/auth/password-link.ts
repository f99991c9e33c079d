import { randomBase62 } from "@/lib/ids";
import type { Auth } from "./auth";

/** A day: long enough to pass the link to someone, short enough not to linger in chat logs. */
export const PASSWORD_LINK_TTL_SECONDS = 24 * 3600;

/**
 * A one-time link to /set-password for an account made from the command line. It is
 * better-auth's own reset-password token (stored the way its /request-password-reset stores
 * one), so /api/auth/reset-password consumes it once and the password-strength hook applies.
 */
export async function issuePasswordLink(auth: Auth, appUrl: string, userId: string): Promise<{ url: string; expiresAt: Date }> {
  const { internalAdapter } = await auth.$context;
  const token = randomBase62(32);
  const expiresAt = new Date(Date.now() + PASSWORD_LINK_TTL_SECONDS * 1000);
  await internalAdapter.createVerificationValue({ identifier: `reset-password:${token}`, value: userId, expiresAt });
  return { url: `${appUrl}/set-password?token=${token}`, expiresAt };
}
