import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * Keyset pagination: back to the newest page, or on to the next older one. `params` (a list's
 * filters) are kept on both links.
 */
export function Pager({
  basePath,
  cursor,
  nextCursor,
  label,
  params = {},
}: {
  basePath: string;
  cursor?: string;
  nextCursor: string | null;
  label: string;
  params?: Record<string, string>;
}) {
  if (!cursor && !nextCursor) return null;
  const href = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({ ...params, ...extra }).toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav aria-label={`${label} pages`} className="mt-6 flex items-center justify-between gap-2">
      {cursor ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href({})}>
            <ChevronLeft aria-hidden /> Newest
          </Link>
        </Button>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href({ cursor: nextCursor })}>
            Older <ChevronRight aria-hidden />
          </Link>
        </Button>
      ) : null}
    </nav>
  );
}
