import { APIError } from "better-auth/api";
import type { Db } from "@/db/client";
import type { SignupMode } from "@/lib/config";
import { claimInvite, isInviteUsable, recordInviteUser } from "@/lib/invites/claim-invite";
import { normalizeInviteCode } from "@/lib/invites/codec";
import type { BeforeHook } from "./before-hooks";

/** The refusals the sign-up form and API clients see (400/403 JSON from /api/auth/sign-up/email). */
export const signupClosed = () =>
  new APIError("FORBIDDEN", {
    code: "SIGNUP_CLOSED",
    message: "Sign-up is closed on this server: ask its operator for an account",
  });
const inviteRequired = () =>
  new APIError("BAD_REQUEST", {
    code: "INVITE_REQUIRED",
    message: "An invite code is required to sign up on this server: ask its operator for one",
  });
const inviteInvalid = () =>
  new APIError("BAD_REQUEST", { code: "INVITE_INVALID", message: "This invite code is not valid or was already used" });

type AuthCtx = { path?: string; body?: unknown } | null | undefined;
const inviteCodeOf = (ctx: AuthCtx) => (ctx?.body as { inviteCode?: unknown } | undefined)?.inviteCode;

/**
 * SIGNUP=closed | invite, enforced in two places. This before-hook answers early and
 * clearly (before better-auth looks at the email, which with verification on answers every
 * duplicate with a fake success). `claimForNewUser` below is the gate that counts: it runs
 * when any better-auth path is about to insert a user.
 */
export function signupPolicyHook(mode: SignupMode, db: Db): BeforeHook {
  return async (ctx) => {
    if (ctx.path !== "/sign-up/email" || mode === "open") return;
    if (mode === "closed") throw signupClosed();
    const raw = inviteCodeOf(ctx);
    if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) throw inviteRequired();
    const code = normalizeInviteCode(raw);
    if (!code || !(await isInviteUsable(db, code))) throw inviteInvalid();
  };
}

/**
 * databaseHooks.user.create.before: uses the invite up in the same step that makes the
 * account, after better-auth's own checks passed. A 400, not a 403: with verification on,
 * better-auth turns a 403 here into its generic "maybe a duplicate" success.
 */
export async function claimForNewUser(mode: SignupMode, db: Db, ctx: AuthCtx): Promise<void> {
  if (mode === "open") return;
  if (mode === "closed") throw signupClosed();
  const code = normalizeInviteCode(inviteCodeOf(ctx));
  if (!code || !(await claimInvite(db, code))) throw inviteInvalid();
}

/** databaseHooks.user.create.after: the claimed invite names the account it made. */
export async function recordInviteForUser(mode: SignupMode, db: Db, ctx: AuthCtx, userId: string): Promise<void> {
  const code = mode === "invite" ? normalizeInviteCode(inviteCodeOf(ctx)) : null;
  if (code) await recordInviteUser(db, code, userId);
}
