import Link from "next/link";
import type { ReactNode } from "react";
import { Brand } from "./brand";
import { ThemeToggle } from "./theme/theme-toggle";

/** The branded frame of the 404 and error pages: what happened, and a way home. */
export function StatusScreen({ code, title, children, actions }: { code: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-accent/60 to-background">
      <header className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between px-4 sm:px-6">
        <Brand />
        <ThemeToggle />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 pt-10 sm:items-center sm:pt-0">
        <div className="grid max-w-md gap-4 text-center">
          <p className="font-mono text-sm font-semibold text-primary">{code}</p>
          <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
          <div className="text-muted-foreground">{children}</div>
          <div className="mt-2 flex flex-wrap justify-center gap-3">
            {actions}
            <Link
              href="/"
              className="inline-flex h-9 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground outline-none hover:bg-primary/90 focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              Go to the home page
            </Link>
          </div>
        </div>
      </main>
    </div>
  );
}
