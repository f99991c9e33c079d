"use client";

import { AppWindow, ChartColumn, CreditCard, Images, KeyRound, LayoutDashboard, Plug, WandSparkles } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/dashboard/cn";

const LINKS = [
  { href: "/dashboard", label: "Overview", icon: LayoutDashboard },
  { href: "/playground", label: "Playground", icon: WandSparkles },
  { href: "/images", label: "Images", icon: Images },
  { href: "/usage", label: "Usage", icon: ChartColumn },
  { href: "/credits", label: "Credits", icon: CreditCard },
  { href: "/settings/api-keys", label: "API Keys", icon: KeyRound },
  { href: "/settings/connected-apps", label: "Connected apps", icon: AppWindow },
  { href: "/connect", label: "Connect", icon: Plug },
] as const;

export function DashboardNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max items-center gap-1">
        {LINKS.map(({ href, label, icon: Icon }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active && "bg-accent text-accent-foreground",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
