"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrorsOf, PASSWORD_MIN, setPasswordSchema, type FieldErrors } from "@/lib/auth/schemas";
import { generalMessage, postAuth } from "./auth-request";

/** Sets the password of an account made from the command line, through better-auth's reset-password. */
export function SetPasswordForm({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<"password">>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = setPasswordSchema.safeParse(Object.fromEntries(new FormData(e.currentTarget)));
    if (!parsed.success) {
      setErrors(fieldErrorsOf<"password">(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    const r = await postAuth("/reset-password", { token, newPassword: parsed.data.password });
    setPending(false);
    if (r.ok) setDone(true);
    else if (r.code === "PASSWORD_TOO_SHORT" || r.code === "PASSWORD_TOO_LONG" || r.code === "PASSWORD_TOO_WEAK") {
      setErrors({ password: r.message ?? "Choose a password of the allowed length." });
    } else if (r.code === "INVALID_TOKEN") {
      setFormError("This link has expired or was already used. Ask the operator of this server for a new one.");
    } else setFormError(generalMessage(r));
  }

  if (done) {
    return (
      <Alert role="status">
        <AlertDescription>
          Your password is set.{" "}
          <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
            Sign in
          </Link>{" "}
          with your email address and the new password.
        </AlertDescription>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Set your password">
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <FormField
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters. A long passphrase is best.`}
        error={errors.password}
      />
      <SubmitButton className="w-full" scripted pending={pending} pendingText="Saving…">
        Set password
      </SubmitButton>
    </form>
  );
}
