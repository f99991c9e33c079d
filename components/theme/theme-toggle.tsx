"use client";

import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { useSyncExternalStore } from "react";
import { cn } from "@/lib/dashboard/cn";
import { isTheme, THEME_EVENT, THEME_STORAGE_KEY, type Theme } from "@/lib/dashboard/theme";

const OPTIONS: { theme: Theme; label: string; icon: LucideIcon }[] = [
  { theme: "system", label: "System theme", icon: Monitor },
  { theme: "light", label: "Light theme", icon: Sun },
  { theme: "dark", label: "Dark theme", icon: Moon },
];

// The inline script keeps <html data-theme> current; the toggle reads it from there.
function subscribe(onChange: () => void) {
  window.addEventListener(THEME_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(THEME_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}
const current = (): Theme => {
  const t = document.documentElement.dataset.theme;
  return isTheme(t) ? t : "system";
};

function choose(theme: Theme) {
  try {
    if (theme === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    /* storage blocked (some privacy settings): nothing to remember, the system setting stays */
  }
  window.dispatchEvent(new Event(THEME_EVENT));
}

/** Three small buttons: follow the system, light, dark. Remembered in this browser. */
export function ThemeToggle({ className }: { className?: string }) {
  const theme = useSyncExternalStore(subscribe, current, () => "system" as Theme);
  return (
    <div role="group" aria-label="Theme" className={cn("inline-flex items-center rounded-md border bg-card p-0.5", className)}>
      {OPTIONS.map(({ theme: t, label, icon: Icon }) => (
        <button
          key={t}
          type="button"
          aria-label={label}
          aria-pressed={theme === t}
          title={label}
          onClick={() => choose(t)}
          className="grid size-7 cursor-pointer place-items-center rounded-[5px] text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-pressed:bg-accent aria-pressed:text-accent-foreground"
        >
          <Icon className="size-4" aria-hidden />
        </button>
      ))}
    </div>
  );
}
