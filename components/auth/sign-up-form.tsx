"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrorsOf, PASSWORD_MIN, signUpSchema, type FieldErrors } from "@/lib/auth/schemas";
import { generalMessage, pendingOAuthQuery, postAuth } from "./auth-request";
import { SignInPrompt } from "./sign-in-prompt";

type Field = "name" | "email" | "password" | "inviteCode";

/**
 * `needsInvite`: SIGNUP=invite, so the form asks for a code. `verifyEmail`: the server mails a
 * confirmation link (SMTP_URL), so a successful sign-up ends at "check your email", not in
 * the dashboard.
 */
export function SignUpForm({
  needsInvite,
  verifyEmail,
  oauthSearch,
}: {
  needsInvite: boolean;
  verifyEmail: boolean;
  /** The pending OAuth authorization's query: sign-up resumes it, as sign-in does. */
  oauthSearch?: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const data = Object.fromEntries(new FormData(e.currentTarget));
    const parsed = signUpSchema.safeParse(data);
    if (!parsed.success) {
      setErrors(fieldErrorsOf<Field>(parsed.error));
      return;
    }
    if (needsInvite && !parsed.data.inviteCode) {
      setErrors({ inviteCode: "Enter the invite code you were given." });
      return;
    }
    setErrors({});
    setPending(true);
    const oauthQuery = pendingOAuthQuery();
    const body = verifyEmail ? { ...parsed.data, callbackURL: "/dashboard" } : parsed.data;
    const r = await postAuth("/sign-up/email", oauthQuery ? { ...body, oauth_query: oauthQuery } : body);
    if (r.ok && r.redirectTo) {
      window.location.assign(r.redirectTo);
      return;
    }
    if (r.ok && verifyEmail) {
      setSentTo(parsed.data.email);
      return;
    }
    if (r.ok) {
      router.replace("/dashboard");
      router.refresh();
      return;
    }
    setPending(false);
    if (r.code === "INVITE_REQUIRED" || r.code === "INVITE_INVALID") {
      setErrors({ inviteCode: `${r.message}.` });
    } else if (r.code === "SIGNUP_CLOSED") {
      setFormError(`${r.message}.`);
    } else if (r.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" || r.code === "USER_ALREADY_EXISTS") {
      setErrors({ email: "An account with this email already exists. Sign in instead, or use another email." });
    } else if (r.code === "INVALID_EMAIL") {
      setErrors({ email: "Enter a valid email address, like you@example.com." });
    } else if (r.code === "PASSWORD_TOO_SHORT" || r.code === "PASSWORD_TOO_LONG" || r.code === "PASSWORD_TOO_WEAK") {
      setErrors({ password: r.message ?? "Choose a password of the allowed length." });
    } else {
      setFormError(generalMessage(r));
    }
  }

  if (sentTo) {
    return (
      <Alert role="status">
        <AlertDescription>
          We sent a link to <strong>{sentTo}</strong>. Open it to confirm your address: it signs you in and adds your free
          credits. No message? Check your spam folder, or sign in to get a new link.
        </AlertDescription>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Create your account">
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="name" label="Name" autoComplete="name" error={errors.name} />
      <FormField id="email" label="Email" type="email" autoComplete="email" inputMode="email" error={errors.email} />
      <FormField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters. A long passphrase is best.`}
        error={errors.password}
      />
      {needsInvite ? (
        <FormField
          id="inviteCode"
          label="Invite code"
          autoComplete="off"
          spellCheck={false}
          hint="Sign-up on this server is by invitation: paste the code you were given."
          error={errors.inviteCode}
        />
      ) : null}
      <SubmitButton className="w-full" scripted pending={pending} pendingText="Creating account…">
        Create account
      </SubmitButton>
      <SignInPrompt oauthSearch={oauthSearch} />
    </form>
  );
}
