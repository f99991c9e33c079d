import { LogOut } from "lucide-react";
import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { DashboardMenu, DashboardNav } from "@/components/dashboard/dashboard-nav";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireSession } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  const signOut = (
    <form action={signOutAction}>
      <SubmitButton variant="outline" size="sm" pendingText="Signing out…" title={`Signed in as ${user.email}`}>
        <LogOut aria-hidden />
        Sign out
      </SubmitButton>
    </form>
  );
  return (
    <div className="min-h-dvh">
      <header className="relative border-b bg-card">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-2 sm:px-6">
          <Brand href="/dashboard" />
          <DashboardNav className="hidden flex-1 xl:block" />
          <div className="ml-auto hidden items-center gap-3 xl:flex">
            <ThemeToggle />
            {signOut}
          </div>
          <DashboardMenu
            className="ml-auto xl:hidden"
            footer={
              <>
                <span className="min-w-0 truncate text-sm text-muted-foreground">{user.email}</span>
                <div className="flex items-center gap-3">
                  <ThemeToggle />
                  {signOut}
                </div>
              </>
            }
          />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
