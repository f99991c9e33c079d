import Link from "next/link";
import type { ImageView } from "@/lib/generation/schemas";
import { formatDate } from "@/lib/dashboard/format";

/** A gallery tile: the thumbnail, then prompt, model, style and date. */
export function ImageCard({ image }: { image: ImageView }) {
  return (
    <li className="group overflow-hidden rounded-xl border bg-card shadow-xs">
      <Link
        href={`/images/${image.imageId}`}
        className="block outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <div className="aspect-square overflow-hidden bg-muted">
          {image.url ? (
            // Signed URLs from our own store; next/image would need a loader for the signature.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={image.url}
              alt={image.title}
              loading="lazy"
              className="size-full object-cover transition-transform duration-300 group-hover:scale-[1.02]"
            />
          ) : null}
        </div>
        <div className="space-y-1.5 p-3">
          <p className="line-clamp-2 text-sm font-medium leading-snug" title={image.prompt}>
            {image.prompt}
          </p>
          <p className="truncate text-xs text-muted-foreground">
            {image.model} · {image.style}
          </p>
          <p className="text-xs text-muted-foreground">
            <time dateTime={image.createdAt}>{formatDate(image.createdAt)}</time>
          </p>
        </div>
      </Link>
    </li>
  );
}
