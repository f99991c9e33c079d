import { Check } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsentForm } from "@/components/oauth/consent-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { describePendingAuthorization, pendingOAuthSearch, type PageSearchParams } from "@/lib/oauth/pending-authorization";
import { SCOPE_WORDS } from "@/lib/oauth/scopes";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Connect an app · Pixola" };

/**
 * better-auth sends the browser here (with the signed authorization request) when an app asks
 * for access to /mcp. Names the app, where it sends you back, what it may do, and who is signed in.
 */
export default async function ConsentPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const sp = await searchParams;
  const search = pendingOAuthSearch(sp);
  const user = await getSessionUser();
  if (!user) redirect(search ? `/sign-in?${search}` : "/sign-in");
  const pending = search ? await describePendingAuthorization((await getRuntime()).db, sp) : null;
  if (!pending) {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1" className="text-2xl">
            Nothing to approve
          </CardTitle>
          <CardDescription>
            This link is not a valid request from an app, or it has expired. Start connecting again from the app.
          </CardDescription>
        </CardHeader>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          Connect {pending.clientName}?
        </CardTitle>
        <CardDescription>
          <strong className="text-foreground">{pending.clientName}</strong> wants to use your Pixola account. It will send
          you back to <strong className="text-foreground">{pending.redirectHost}</strong>.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div>
          <p className="mb-2 text-sm font-medium">It will be able to:</p>
          <ul className="grid gap-1.5 text-sm" aria-label="What the app may do">
            {pending.scopes.map((s) => (
              <li key={s} className="flex items-start gap-2">
                <Check className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
                {SCOPE_WORDS[s]}
              </li>
            ))}
            {pending.scopes.length === 0 ? <li className="text-muted-foreground">Nothing but know that you signed in</li> : null}
          </ul>
          {pending.staysConnected ? (
            <p className="mt-2 text-xs text-muted-foreground">It stays connected until you revoke it under Settings → Connected apps.</p>
          ) : null}
        </div>
        <p className="text-sm text-muted-foreground">
          Signed in as <strong className="text-foreground">{user.name}</strong> ({user.email}).
        </p>
        <ConsentForm clientName={pending.clientName} />
      </CardContent>
    </Card>
  );
}
