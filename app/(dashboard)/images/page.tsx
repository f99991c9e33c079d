import { Images } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ImageCard } from "@/components/dashboard/image-card";
import { PageHeader } from "@/components/dashboard/page-header";
import { Pager } from "@/components/dashboard/pager";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/session";
import { onBadCursor } from "@/lib/dashboard/pages";
import { listImages } from "@/lib/images/list-images";

export const metadata: Metadata = { title: "Images · Pixola" };

const PAGE_SIZE = 24;

export default async function ImagesPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { ctx, rt } = await requireSession();
  const { cursor } = await searchParams;
  const page = await listImages({ ctx, input: { limit: PAGE_SIZE, cursor }, store: rt.store }).catch(onBadCursor("/images"));

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
      {page.images.length ? (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Your images">
          {page.images.map((img) => (
            <ImageCard key={img.imageId} image={img} />
          ))}
        </ul>
      ) : (
        <Card>
          <CardContent className="flex flex-col items-center gap-3 py-14 text-center">
            <Images className="size-8 text-muted-foreground" aria-hidden />
            <p className="font-medium">No images yet</p>
            <p className="text-sm text-muted-foreground">Images you generate anywhere show up here.</p>
            <Button asChild>
              <Link href="/playground">Open the playground</Link>
            </Button>
          </CardContent>
        </Card>
      )}
      <Pager basePath="/images" cursor={cursor} nextCursor={page.nextCursor} label="Images" />
    </>
  );
}
