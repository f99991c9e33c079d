"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrorsOf, signInSchema, type FieldErrors } from "@/lib/auth/schemas";
import { generalMessage, pendingOAuthQuery, postAuth } from "./auth-request";

type Field = "email" | "password";

/** `oauthSearch`: the pending OAuth authorization's query, kept on the link to sign-up. */
export function SignInForm({ next, oauthSearch }: { next: string; oauthSearch?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = signInSchema.safeParse(Object.fromEntries(new FormData(e.currentTarget)));
    if (!parsed.success) {
      setErrors(fieldErrorsOf<Field>(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    const oauthQuery = pendingOAuthQuery();
    const r = await postAuth("/sign-in/email", oauthQuery ? { ...parsed.data, oauth_query: oauthQuery } : parsed.data);
    if (r.ok && r.redirectTo) {
      // Resuming an OAuth authorization: on to the consent page or back to the client.
      window.location.assign(r.redirectTo);
      return;
    }
    if (r.ok) {
      router.replace(next);
      router.refresh();
      return;
    }
    setPending(false);
    // One message for an unknown email and a wrong password, so accounts cannot be probed.
    if (r.status === 401) setFormError("Email or password is incorrect.");
    // Given only for the right password; the server has just mailed a new link (sendOnSignIn).
    else if (r.code === "EMAIL_NOT_VERIFIED") setFormError("Confirm your email address first: we have sent you a new link.");
    else setFormError(generalMessage(r));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Sign in">
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="email" label="Email" type="email" autoComplete="email" inputMode="email" error={errors.email} />
      <FormField id="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
      <SubmitButton className="w-full" scripted pending={pending} pendingText="Signing in…">
        Sign in
      </SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        New to Pixola?{" "}
        <Link href={oauthSearch ? `/sign-up?${oauthSearch}` : "/sign-up"} className="font-medium text-primary underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
