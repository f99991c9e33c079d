import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/dashboard/format";

export const metadata: Metadata = { title: "Sign in · Pixola" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          Sign in
        </CardTitle>
        <CardDescription>Welcome back. Sign in to manage your keys, credits and images.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignInForm next={next} />
      </CardContent>
    </Card>
  );
}
