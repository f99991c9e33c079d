import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Brand } from "./brand";
import { ThemeToggle } from "./theme/theme-toggle";

/** Header of the public pages (landing, docs, sign-in). */
export function SiteHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className="border-b bg-card/80 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4 sm:gap-4 sm:px-6">
        <Brand />
        <nav aria-label="Site" className="flex items-center gap-1 sm:gap-2">
          <ThemeToggle className="mr-1" />
          <Button asChild variant="ghost" size="sm" className="hidden sm:inline-flex">
            <Link href="/docs/api">API docs</Link>
          </Button>
          {signedIn ? (
            <Button asChild size="sm">
              <Link href="/dashboard">Dashboard</Link>
            </Button>
          ) : (
            <>
              <Button asChild variant="ghost" size="sm">
                <Link href="/sign-in">Sign in</Link>
              </Button>
              <Button asChild size="sm">
                <Link href="/sign-up">Get started</Link>
              </Button>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
