"use client";

import { CircleExclamationPoint, LoaderCircle } from "lucide-react";
import Link from "next/link";
import type { BatchView } from "@/lib/generation/schemas";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";

export const isFinished = (b: BatchView | null) => !!b && (b.status === "succeeded" || b.status === "partial" || b.status === "failed");

/** Progress while a batch renders, then its images, each linking to its detail page. */
export function BatchProgress({ batch, count }: { batch: BatchView | null; count: number }) {
  const done = batch ? batch.images.filter((i) => i.status === "succeeded" || i.status === "failed").length : 0;
  const finished = isFinished(batch);
  const pct = Math.round((done / Math.max(count, 1)) * 100);

  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        <div className="flex items-center justify-between gap-2 text-sm">
          <span className="flex items-center gap-2 font-medium" aria-live="polite" data-testid="batch-status">
            {finished ? null : <LoaderCircle className="size-4 animate-spin text-primary" aria-hidden />}
            {finished
              ? batch!.status === "succeeded"
                ? `Done: ${done} of ${count} ${count === 1 ? "image" : "images"}`
                : batch!.status === "partial"
                  ? `Finished with errors: ${batch!.images.filter((i) => i.status === "succeeded").length} of ${count} succeeded`
                  : "Generation failed"
              : `Generating… ${done} of ${count} done`}
          </span>
          {batch ? <Badge variant={batch.status === "succeeded" ? "success" : batch.status === "failed" ? "destructive" : "default"}>{batch.status}</Badge> : null}
        </div>
        <div
          role="progressbar"
          aria-label="Generation progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${Math.max(pct, finished ? 100 : 4)}%` }} />
        </div>
      </div>
      {finished && batch ? (
        <p className="text-sm text-muted-foreground">
          Charged {batch.creditsCharged} {batch.creditsCharged === 1 ? "credit" : "credits"}
          {batch.creditsRefunded ? `, refunded ${batch.creditsRefunded}` : ""}. Batch{" "}
          <code className="font-mono text-xs">{batch.batchId}</code>
        </p>
      ) : null}
      {batch?.error ? (
        <Alert variant="destructive">
          <CircleExclamationPoint aria-hidden />
          <AlertDescription>{batch.error}</AlertDescription>
        </Alert>
      ) : null}
      <ul className="grid grid-cols-2 gap-3" aria-label="Generated images">
        {(batch?.images ?? Array.from({ length: count }, () => null)).map((img, i) =>
          img && img.status === "succeeded" && img.url ? (
            <li key={img.imageId}>
              <Link
                href={`/images/${img.imageId}`}
                className="block overflow-hidden rounded-lg border bg-muted outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={img.url} alt={img.title} className="aspect-square w-full object-cover" data-testid="generated-image" />
              </Link>
            </li>
          ) : (
            <li
              key={img?.imageId ?? i}
              className="flex aspect-square items-center justify-center rounded-lg border bg-muted text-xs text-muted-foreground"
            >
              {img?.status === "failed" ? "Failed (refunded)" : <LoaderCircle className="size-5 animate-spin" aria-label="Rendering" />}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
