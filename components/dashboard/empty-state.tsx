import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { CardContent } from "@/components/ui/card";

/** What a settings table shows inside its card when it has no rows yet. */
export function EmptyState({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: ReactNode }) {
  return (
    <CardContent className="flex flex-col items-center gap-2 py-12 text-center">
      <Icon className="size-8 text-muted-foreground" aria-hidden />
      <p className="font-medium">{title}</p>
      <p className="max-w-sm text-sm text-muted-foreground">{children}</p>
    </CardContent>
  );
}
