import Link from "next/link";
import { cn } from "@/lib/dashboard/cn";

/** The Pixola wordmark: a small gradient tile and the name. */
export function Brand({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span aria-hidden className="grid size-7 grid-cols-2 gap-0.5 overflow-hidden rounded-md bg-primary p-1">
        <span className="rounded-[2px] bg-white/90" />
        <span className="rounded-[2px] bg-white/40" />
        <span className="rounded-[2px] bg-white/40" />
        <span className="rounded-[2px] bg-white/70" />
      </span>
      <span className="text-lg">Pixola</span>
    </Link>
  );
}
