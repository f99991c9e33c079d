"use client";

import { AppWindow, ChartColumn, CreditCard, Images, KeyRound, LayoutDashboard, Menu, Plug, WandSparkles, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
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

const linkClass =
  "inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-[current=page]:bg-accent aria-[current=page]:text-accent-foreground";

function useActive() {
  const pathname = usePathname();
  return (href: string) => pathname === href || pathname.startsWith(`${href}/`);
}

/** The dashboard's sections in one row, for wide screens (the Menu has their icons). */
export function DashboardNav({ className }: { className?: string }) {
  const isActive = useActive();
  return (
    <nav aria-label="Dashboard" className={cn("min-w-0 overflow-x-auto", className)}>
      <ul className="flex min-w-max items-center gap-1">
        {LINKS.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} aria-current={isActive(href) ? "page" : undefined} className={linkClass}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Below xl the sections do not fit one row: a Menu button opens them as a list, with `footer`
 * (theme and sign-out) underneath. Choosing a link or pressing Escape closes it.
 */
export function DashboardMenu({ className, footer }: { className?: string; footer: ReactNode }) {
  const isActive = useActive();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className={className}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border bg-card px-3 text-sm font-medium outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        {open ? <X className="size-4" aria-hidden /> : <Menu className="size-4" aria-hidden />}
        Menu
      </button>
      <div id={panelId} hidden={!open} className="absolute inset-x-0 top-full z-40 border-b bg-card shadow-lg">
        <nav aria-label="Dashboard" className="mx-auto max-w-6xl px-4 py-2 sm:px-6">
          <ul className="grid gap-0.5 sm:grid-cols-2">
            {LINKS.map(({ href, label, icon: Icon }) => (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={isActive(href) ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={cn(linkClass, "flex w-full py-2.5")}
                >
                  <Icon className="size-4" aria-hidden />
                  {label}
                </Link>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-3 border-t pt-3 pb-1">{footer}</div>
        </nav>
      </div>
    </div>
  );
}
