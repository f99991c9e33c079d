import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CircleCheck } from "lucide-react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { safeNextPath, SIGNED_OUT_PARAM } from "@/lib/auth/safe-next-path";
import { pendingOAuthSearch, type PageSearchParams } from "@/lib/oauth/pending-authorization";

export const metadata: Metadata = { title: "Sign in · Pixola" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const sp = await searchParams;
  const next = safeNextPath(sp.next);
  // Part of an OAuth authorization (an app connecting to /mcp): signing in resumes it.
  const oauthSearch = pendingOAuthSearch(sp);
  if (!oauthSearch && (await getSessionUser())) redirect(next);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          Sign in
        </CardTitle>
        <CardDescription>
          {oauthSearch
            ? "Sign in to connect an app to your Pixola account. You will see what it asks for before anything is shared."
            : "Welcome back. Sign in to manage your keys, credits and images."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {sp[SIGNED_OUT_PARAM] !== undefined ? (
          <Alert role="status" data-testid="signed-out-notice">
            <CircleCheck aria-hidden className="text-success" />
            <AlertDescription>You have signed out. Sign in again whenever you are ready.</AlertDescription>
          </Alert>
        ) : null}
        <SignInForm next={next} oauthSearch={oauthSearch} />
      </CardContent>
    </Card>
  );
}
