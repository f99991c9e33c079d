import { Download, Shuffle } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/dashboard/format";
import type { ImageView } from "@/lib/generation/schemas";
import { downloadName } from "@/lib/images/download-name";
import { DeleteImageButton } from "./delete-image-button";

/**
 * A gallery tile: the image's preview at its own aspect ratio (never cropped, so the chosen shape shows),
 * prompt, model, style and date, then Download, Remix and Delete.
 */
export function ImageTile({ image, actions = true }: { image: ImageView; actions?: boolean }) {
  return (
    <li className="group flex flex-col overflow-hidden rounded-xl border bg-card shadow-xs" data-testid="image-tile">
      <Link
        href={`/images/${image.imageId}`}
        className="block outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <div className="overflow-hidden bg-muted" style={{ aspectRatio: `${image.width} / ${image.height}` }}>
          {image.url ? (
            // The stored preview (WebP, at most 512 px) when there is one; the full file stays for
            // download and the detail page. Signed URLs: next/image would need a loader for the signature.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={image.previewUrl ?? image.url}
              alt={image.title}
              width={image.width}
              height={image.height}
              loading="lazy"
              className="size-full object-contain transition-transform duration-300 group-hover:scale-[1.02]"
            />
          ) : null}
        </div>
        <div className="space-y-1.5 p-3 pb-2">
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
      {actions ? (
        <div className="mt-auto flex gap-1.5 px-3 pb-3">
          {image.url ? (
            <Button asChild variant="outline" size="sm">
              <a href={image.url} download={downloadName(image)} aria-label={`Download image: ${image.title}`} title="Download">
                <Download aria-hidden />
              </a>
            </Button>
          ) : null}
          <Button asChild variant="outline" size="sm">
            <Link href={`/playground?remix=${image.imageId}`} aria-label={`Remix image: ${image.title}`} className="flex-1">
              <Shuffle aria-hidden />
              <span className="max-sm:sr-only">Remix</span>
            </Link>
          </Button>
          <DeleteImageButton imageId={image.imageId} title={image.title} />
        </div>
      ) : null}
    </li>
  );
}
