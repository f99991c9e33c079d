import { z } from "zod";

/**
 * Account rules, shared by the sign-up/sign-in forms (instant messages) and mirrored by
 * better-auth's own limits (min 10, max 128) in lib/auth/auth.ts. Length over composition
 * rules, as NIST SP 800-63B recommends, plus a few obvious refusals.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like you@example.com."));

const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters for your password.`);

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(80, "Use at most 80 characters for your name."),
    email,
    password: newPassword,
    /** Only on servers with SIGNUP=invite; the server checks it (lib/auth/signup-policy.ts). */
    inviteCode: z.string().trim().max(100, "That invite code is too long: paste the code you were given.").optional(),
  })
  .superRefine((v, ctx) => {
    const pw = v.password.toLowerCase();
    if (/^(.)\1*$/.test(v.password) && v.password.length >= PASSWORD_MIN) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Choose a password that is not one character repeated." });
    } else if (pw === v.email.toLowerCase() || (v.email.includes("@") && pw === v.email.split("@")[0].toLowerCase())) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Choose a password that is not your email address." });
    } else if (/^(0123456789|1234567890|password\d*|qwertyuiop)$/i.test(v.password)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "That password is too easy to guess. Choose another." });
    }
  });

/** A new password on /set-password: the same rules as at sign-up (the server adds a strength check). */
export const setPasswordSchema = z.object({
  password: newPassword,
});

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password."),
});

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first message per field, for showing under each input. */
export function fieldErrorsOf<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out as FieldErrors<K>;
}
