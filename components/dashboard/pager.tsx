import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Keyset pagination: back to the newest page, or on to the next older one. */
export function Pager({ basePath, cursor, nextCursor, label }: { basePath: string; cursor?: string; nextCursor: string | null; label: string }) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label={`${label} pages`} className="mt-6 flex items-center justify-between gap-2">
      {cursor ? (
        <Button asChild variant="outline" size="sm">
          <Link href={basePath}>
            <ChevronLeft aria-hidden /> Newest
          </Link>
        </Button>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Button asChild variant="outline" size="sm">
          <Link href={`${basePath}?cursor=${encodeURIComponent(nextCursor)}`}>
            Older <ChevronRight aria-hidden />
          </Link>
        </Button>
      ) : null}
    </nav>
  );
}
