import { ArrowLeft, Download, ExternalLink, Shuffle } from "lucide-react";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { requireSession } from "@/lib/auth/session";
import { formatBytes, formatDateTime } from "@/lib/dashboard/format";
import { onNotFound } from "@/lib/dashboard/pages";
import { downloadName } from "@/lib/images/download-name";
import { getImage } from "@/lib/images/get-image";

export const metadata: Metadata = { title: "Image · Pixola" };

export default async function ImageDetailPage({ params }: { params: Promise<{ imageId: string }> }) {
  const { ctx, rt } = await requireSession();
  const { imageId } = await params;
  const image = await getImage({ ctx, input: { imageId }, store: rt.store }).catch(onNotFound);

  const rows: [string, ReactNode][] = [
    ["Model", image.model],
    ["Style", image.style],
    ["Shape", image.shape],
    ["Quality", image.quality],
    ["Size", `${image.width} × ${image.height}`],
    ["Seed", <code key="seed" className="font-mono text-xs">{image.seed}</code>],
    ["Format", image.mimeType ?? "—"],
    ["File size", formatBytes(image.bytes)],
    ["Created", formatDateTime(image.createdAt)],
    ["Image id", <code key="id" className="font-mono text-xs">{image.imageId}</code>],
    ["Batch id", <code key="batch" className="font-mono text-xs">{image.batchId}</code>],
  ];

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="-ml-2 mb-4">
        <Link href="/images">
          <ArrowLeft aria-hidden /> All images
        </Link>
      </Button>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="self-start overflow-hidden">
          <div className="flex items-center justify-center bg-[repeating-conic-gradient(var(--muted)_0_25%,transparent_0_50%)] bg-[length:24px_24px]">
            {image.url ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={image.url}
                alt={image.title}
                width={image.width}
                height={image.height}
                className="h-auto max-h-[75dvh] w-auto max-w-full object-contain"
              />
            ) : (
              <p className="p-16 text-sm text-muted-foreground">
                {image.status === "failed" ? `This image failed: ${image.error ?? "unknown error"}` : "This image is still being generated."}
              </p>
            )}
          </div>
        </Card>
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <div className="flex items-center gap-2">
                <Badge variant={image.status === "succeeded" ? "success" : "secondary"}>{image.status}</Badge>
              </div>
              <CardTitle
                as="h1"
                className="mt-2 break-words text-lg leading-snug"
                data-testid={image.prompt === image.title ? "image-prompt" : undefined}
              >
                {image.title}
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3">
              {image.prompt !== image.title ? (
                <div>
                  <h2 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">Full prompt</h2>
                  <p className="whitespace-pre-wrap break-words text-sm" data-testid="image-prompt">
                    {image.prompt}
                  </p>
                </div>
              ) : null}
              {image.url ? (
                <div className="flex flex-wrap gap-2">
                  <Button asChild>
                    <a href={image.url} download={downloadName(image)}>
                      <Download aria-hidden /> Download
                    </a>
                  </Button>
                  <Button asChild variant="outline">
                    <a href={image.url} target="_blank" rel="noreferrer">
                      <ExternalLink aria-hidden /> Open full size
                    </a>
                  </Button>
                  <Button asChild variant="outline">
                    <Link href={`/playground?remix=${image.imageId}`}>
                      <Shuffle aria-hidden /> Remix
                    </Link>
                  </Button>
                  <CopyButton value={image.prompt} label="Copy prompt" />
                </div>
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Parameters</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
                {rows.map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="text-muted-foreground">{k}</dt>
                    <dd className="break-words">{v}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
