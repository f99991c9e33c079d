import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInPrompt } from "@/components/auth/sign-in-prompt";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { signupGrant } from "@/lib/credits/signup-grant";
import { pendingOAuthSearch, type PageSearchParams } from "@/lib/oauth/pending-authorization";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Create account · Pixola" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  // Part of an OAuth authorization (an app connecting to /mcp): the new account resumes it.
  const oauthSearch = pendingOAuthSearch(await searchParams);
  if (!oauthSearch && (await getSessionUser())) redirect("/dashboard");
  const { config, db } = await getRuntime();
  if (config.signup === "closed") {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1" className="text-2xl">
            Sign-up is closed
          </CardTitle>
          <CardDescription>
            This Pixola server does not take new sign-ups. Ask the person who runs it for an account: they can create
            one for you and send you a link to set your password.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <SignInPrompt oauthSearch={oauthSearch} />
        </CardContent>
      </Card>
    );
  }
  const credits = await signupGrant(db, config.freeCredits);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          Create your account
        </CardTitle>
        <CardDescription>
          {config.signup === "invite" ? "You need an invite code from this server's operator. " : null}
          {credits > 0 ? `Free to start: every new account gets ${credits.toLocaleString("en-US")} credits.` : null}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm needsInvite={config.signup === "invite"} verifyEmail={Boolean(config.smtpUrl)} oauthSearch={oauthSearch} />
      </CardContent>
    </Card>
  );
}
