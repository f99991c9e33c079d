import { Images } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Pager } from "@/components/dashboard/pager";
import { GalleryFilters } from "@/components/images/gallery-filters";
import { ImageTile } from "@/components/images/image-tile";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/session";
import { listModels } from "@/lib/catalog/list-models";
import { listStyles } from "@/lib/catalog/list-styles";
import { onBadCursor } from "@/lib/dashboard/pages";
import { imageFilters, presentFilters } from "@/lib/images/image-filters";
import { listImages } from "@/lib/images/list-images";

export const metadata: Metadata = { title: "Images · Pixola" };

const PAGE_SIZE = 24;

export default async function ImagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, rt } = await requireSession();
  const { cursor: rawCursor, ...raw } = await searchParams;
  const cursor = typeof rawCursor === "string" ? rawCursor : undefined;
  const filters = presentFilters(raw);
  const parsed = imageFilters.safeParse(filters);
  const [page, models, styles] = await Promise.all([
    parsed.success
      ? listImages({ ctx, input: { limit: PAGE_SIZE, cursor, ...parsed.data }, store: rt.store }).catch(onBadCursor("/images"))
      : { images: [], nextCursor: null },
    listModels({ db: rt.db }),
    listStyles({ db: rt.db, appUrl: rt.config.appUrl }),
  ]);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title="Images"
        description="Everything you generated, from the playground, the REST API and your assistants. Newest first."
        actions={
          <Button asChild>
            <Link href="/playground">New image</Link>
          </Button>
        }
      />
      <GalleryFilters
        values={filters}
        options={{
          models: models.models.map((m) => ({ slug: m.slug, name: m.name })),
          styles: styles.categories.flatMap((c) => c.styles.map((s) => ({ slug: s.slug, name: s.name }))),
        }}
      />
      {!parsed.success ? (
        <Alert variant="destructive" className="mb-6">
          <AlertDescription>{parsed.error.issues[0]?.message}</AlertDescription>
        </Alert>
      ) : null}
      {page.images.length ? (
        <ul className="grid grid-cols-2 items-start gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Your images">
          {page.images.map((img) => (
            <ImageTile key={img.imageId} image={img} />
          ))}
        </ul>
      ) : parsed.success ? (
        <Card>
          <CardContent className="flex flex-col items-center gap-3 py-14 text-center">
            <Images className="size-8 text-muted-foreground" aria-hidden />
            {filtered ? (
              <>
                <p className="font-medium">No images match</p>
                <p className="text-sm text-muted-foreground">Try other words, another model or style, or a wider date range.</p>
                <Button asChild variant="outline">
                  <Link href="/images">Clear the filters</Link>
                </Button>
              </>
            ) : (
              <>
                <p className="font-medium">No images yet</p>
                <p className="text-sm text-muted-foreground">Images you generate anywhere show up here.</p>
                <Button asChild>
                  <Link href="/playground">Open the playground</Link>
                </Button>
              </>
            )}
          </CardContent>
        </Card>
      ) : null}
      <Pager basePath="/images" cursor={cursor} nextCursor={page.nextCursor} label="Images" params={filters} />
    </>
  );
}
