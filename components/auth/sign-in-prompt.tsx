import Link from "next/link";

/** "Already have an account? Sign in", under the sign-up form and on a closed server's sign-up page. */
export function SignInPrompt({ oauthSearch }: { oauthSearch?: string }) {
  return (
    <p className="text-center text-sm text-muted-foreground">
      Already have an account?{" "}
      <Link href={oauthSearch ? `/sign-in?${oauthSearch}` : "/sign-in"} className="font-medium text-primary underline-offset-4 hover:underline">
        Sign in
      </Link>
    </p>
  );
}
