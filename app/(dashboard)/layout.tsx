import { LogOut } from "lucide-react";
import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireSession } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  return (
    <div className="min-h-dvh">
      <header className="border-b bg-card">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-6">
          <Brand href="/dashboard" className="order-1" />
          <div className="order-3 w-full pb-1 lg:order-2 lg:w-auto lg:flex-1 lg:pb-0">
            <DashboardNav />
          </div>
          <div className="order-2 ml-auto flex items-center gap-3 lg:order-3">
            <span className="hidden max-w-40 truncate text-sm text-muted-foreground xl:inline" title={user.email}>
              {user.email}
            </span>
            <form action={signOutAction}>
              <SubmitButton variant="outline" size="sm" pendingText="Signing out…">
                <LogOut aria-hidden />
                Sign out
              </SubmitButton>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
