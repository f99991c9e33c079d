import { APIError, getSessionFromCtx } from "better-auth/api";
import type { BeforeHook } from "./before-hooks";
import { PASSWORD_MAX, PASSWORD_MIN } from "./schemas";
import { checkPasswordStrength } from "./password-strength";

/** better-auth's endpoints that set a password, and the body field that carries it. */
const PASSWORD_FIELD: Record<string, string> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
};

/**
 * better-auth before-hook: the one place a new password's strength is enforced, whatever the
 * client. A weak one is a 400 PASSWORD_TOO_WEAK whose message says why and what is accepted.
 * Malformed bodies and out-of-range lengths pass through for better-auth's own answers.
 */
export const passwordStrengthHook: BeforeHook = async (ctx) => {
  const field = PASSWORD_FIELD[ctx.path];
  if (!field) return;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const password = body[field];
  if (typeof password !== "string" || password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return;

  const personal = [body.email, body.name].filter((v): v is string => typeof v === "string");
  if (ctx.path === "/change-password") {
    const session = await getSessionFromCtx(ctx);
    if (!session) return; // the endpoint answers 401
    personal.push(session.user.email, session.user.name);
  }
  const verdict = await checkPasswordStrength(password, personal);
  if (!verdict.ok) throw new APIError("BAD_REQUEST", { code: "PASSWORD_TOO_WEAK", message: verdict.message });
};
