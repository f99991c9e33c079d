"use client";

import { useState } from "react";
import { generalMessage, pendingOAuthQuery, postAuth } from "@/components/auth/auth-request";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Allow or Deny. better-auth answers either with where the browser goes next: the client's
 * redirect URI with a code (or with access_denied).
 */
export function ConsentForm({ clientName }: { clientName: string }) {
  const [pending, setPending] = useState<"allow" | "deny" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(accept: boolean) {
    setError(null);
    setPending(accept ? "allow" : "deny");
    const r = await postAuth("/oauth2/consent", { accept, oauth_query: pendingOAuthQuery() });
    if (r.ok && r.redirectTo) {
      window.location.assign(r.redirectTo);
      return;
    }
    setPending(null);
    setError(r.ok ? "Something went wrong. Start again from the app." : generalMessage(r));
  }

  return (
    <form
      className="grid gap-3"
      aria-label={`Allow ${clientName}`}
      onSubmit={(e) => {
        e.preventDefault();
        void decide(true);
      }}
    >
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <SubmitButton className="w-full" scripted pending={pending === "allow"} pendingText="Connecting…" disabled={pending !== null}>
        Allow
      </SubmitButton>
      <Button type="button" variant="outline" className="w-full" disabled={pending !== null} onClick={() => void decide(false)}>
        Deny
      </Button>
    </form>
  );
}
