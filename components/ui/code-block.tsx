import { cn } from "@/lib/dashboard/cn";
import { CopyButton } from "./copy-button";

/** A read-only snippet with a copy button; `label` names it for screen readers and the button. */
export function CodeBlock({ code, label, className }: { code: string; label: string; className?: string }) {
  return (
    <div className={cn("group relative min-w-0 rounded-lg border bg-muted/60", className)}>
      <div className="flex items-center justify-between gap-2 border-b px-3 py-1.5">
        <span className="truncate text-xs font-medium text-muted-foreground">{label}</span>
        <CopyButton value={code} label="Copy" what={label} variant="ghost" className="h-7" />
      </div>
      <pre className="overflow-x-auto p-3 text-xs leading-relaxed sm:text-[13px]" tabIndex={0} aria-label={label}>
        <code className="font-mono">{code}</code>
      </pre>
    </div>
  );
}
