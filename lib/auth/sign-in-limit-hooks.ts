import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Db } from "@/db/client";
import type { BeforeHook } from "./before-hooks";
import { accountKey, admitSignIn, clearSignInFailures, describeDelay, pruneSignInFailures } from "./sign-in-limit";

const SIGN_IN = "/sign-in/email";
const PRUNE_EVERY_MS = 10 * 60_000;

/** The per-account limit around better-auth's email sign-in (lib/auth/sign-in-limit.ts). */
export function signInLimitHooks(db: Db, secret: string) {
  let lastPrune = 0;
  const emailOf = (body: unknown) => {
    const email = (body as { email?: unknown } | undefined)?.email;
    return typeof email === "string" && email.length > 0 ? email : undefined;
  };

  const before: BeforeHook = async (ctx) => {
    if (ctx.path !== SIGN_IN) return;
    const email = emailOf(ctx.body);
    if (!email) return; // better-auth answers the malformed body
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      await pruneSignInFailures(db);
    }
    const admission = await admitSignIn(db, accountKey(email, secret));
    if (!admission.allowed) {
      throw new APIError(
        "TOO_MANY_REQUESTS",
        { code: "TOO_MANY_FAILED_SIGN_INS", message: describeDelay(admission.retryAfterSeconds) },
        { "Retry-After": String(admission.retryAfterSeconds) },
      );
    }
  };

  // Every attempt was counted as a failure up front; a success takes the count back.
  const after = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN || ctx.context.returned instanceof Error) return;
    const email = emailOf(ctx.body);
    if (email) await clearSignInFailures(db, accountKey(email, secret));
  });

  return { before, after };
}
