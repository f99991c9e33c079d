import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Set your password · Pixola" };

/** The page behind `npm run users -- create`'s one-time link (lib/auth/password-link.ts). */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          Set your password
        </CardTitle>
        <CardDescription>
          {token
            ? "Choose the password you will sign in with. This link works once."
            : "This link is incomplete: open the whole link you were sent, or ask the operator of this server for a new one."}
        </CardDescription>
      </CardHeader>
      {token ? (
        <CardContent>
          <SetPasswordForm token={token} />
        </CardContent>
      ) : null}
    </Card>
  );
}
