import type { BetterAuthPlugin } from "better-auth";
import { symmetricDecrypt } from "better-auth/crypto";
import { createJwk } from "better-auth/plugins";
import { log } from "@/lib/log";

type AuthContext = Parameters<NonNullable<BetterAuthPlugin["init"]>>[0];
type JwtOptions = Parameters<typeof createJwk>[1];
type StoredKey = { id: string; privateKey: string; createdAt: Date; expiresAt?: Date | null };

/**
 * The OAuth signing keys' private halves are sealed with the auth secret (BETTER_AUTH_SECRET,
 * or the one generated into DATA_DIR). An operator who changes that secret, or starts a new data
 * directory on a kept database, leaves keys nobody can open, and the jwt plugin then fails every
 * token exchange with a 500. On start (better-auth's plugin init, once per process) this checks
 * that the newest live key opens with the current secret and, when it does not, makes a new one
 * sealed with it: new tokens are signed with that key, and tokens already issued still verify
 * (their public keys stay in the JWKS). Nothing is deleted, so restoring the old secret later
 * makes the old keys usable again (BETTER_AUTH_SECRETS, better-auth's rotation, keeps both).
 */
export function signingKeyCheck(jwtOptions: JwtOptions): BetterAuthPlugin {
  return {
    id: "pixola-signing-key-check",
    init: async (ctx) => {
      try {
        await ensureUsableSigningKey(ctx, jwtOptions);
      } catch (err) {
        // The database may be down at start: the jwt plugin's own error path stays as it was.
        log.warn("could not check the OAuth signing key", { err });
      }
    },
  };
}

async function ensureUsableSigningKey(ctx: AuthContext, jwtOptions: JwtOptions): Promise<void> {
  const now = Date.now();
  const keys = (await ctx.adapter.findMany<StoredKey>({ model: "jwks" })) ?? [];
  const newest = keys.filter((k) => !k.expiresAt || k.expiresAt.getTime() > now).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  // No key yet: the jwt plugin makes the first one, with the current secret, when it needs it.
  if (!newest || (await opens(ctx, newest))) return;
  const made = await createJwk({ context: ctx } as Parameters<typeof createJwk>[0], jwtOptions);
  log.error(
    "the OAuth signing key in the database was sealed with another auth secret (BETTER_AUTH_SECRET changed?); " +
      "a new key sealed with the current secret signs tokens from now on, and tokens already issued still verify",
    { sealedKeyId: newest.id, newKeyId: made.id },
  );
}

async function opens(ctx: AuthContext, key: StoredKey): Promise<boolean> {
  try {
    await symmetricDecrypt({ key: ctx.secretConfig, data: JSON.parse(key.privateKey) });
    return true;
  } catch {
    return false;
  }
}
