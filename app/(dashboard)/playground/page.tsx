import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { PlaygroundForm } from "@/components/playground/playground-form";
import type { PlaygroundCatalog, PlaygroundInitial } from "@/components/playground/types";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/session";
import { listModels } from "@/lib/catalog/list-models";
import { listShapes } from "@/lib/catalog/list-shapes";
import { listStyles } from "@/lib/catalog/list-styles";
import { getCredits } from "@/lib/credits/get-credits";
import { remixOptions } from "@/lib/images/remix-options";

export const metadata: Metadata = { title: "Playground · Pixola" };

export default async function PlaygroundPage({ searchParams }: { searchParams: Promise<{ remix?: string | string[] }> }) {
  const { ctx, rt } = await requireSession();
  const { remix } = await searchParams;
  const [models, styles, shapes, credits, remixed] = await Promise.all([
    listModels({ db: rt.db }),
    listStyles({ db: rt.db, appUrl: rt.config.appUrl }),
    listShapes({ db: rt.db }),
    getCredits({ ctx }),
    typeof remix === "string" ? remixOptions({ ctx, imageId: remix, store: rt.store }) : null,
  ]);
  const available = models.models.filter((m) => m.available);
  const catalog: PlaygroundCatalog = {
    models: models.models.map((m) => ({ slug: m.slug, name: m.name, description: m.description, available: m.available, pricing: m.pricing })),
    styleGroups: styles.categories.map((c) => ({
      category: c.category,
      // Relative, so previews load from whatever host the page was opened on.
      styles: c.styles.map((s) => ({ slug: s.slug, name: s.name, description: s.description, preview: `/api/v1/styles/${s.slug}/preview` })),
    })),
    shapes: shapes.shapes.map((s) => ({ slug: s.slug, name: s.name, aspectRatio: s.aspectRatio, width: s.width, height: s.height })),
    defaults: {
      model: available.some((m) => m.slug === models.defaultModel) ? models.defaultModel : (available[0]?.slug ?? models.defaultModel),
      style: styles.defaultStyle,
      shape: shapes.defaultShape,
    },
  };

  const { initial, notice } = startingValues(catalog, remix === undefined ? undefined : remixed);

  return (
    <>
      <PageHeader title="Playground" description="Try prompts, models and styles, then use the same options from your assistant or the API." />
      {notice ? (
        <Alert className="mb-6" data-testid="remix-notice">
          <AlertDescription>{notice}</AlertDescription>
        </Alert>
      ) : null}
      <PlaygroundForm catalog={catalog} balance={credits.balance} initial={initial} appUrl={rt.config.appUrl} />
    </>
  );
}

/**
 * The form starts from the catalog's defaults, or from a remixed image's options where this
 * server still offers them (a model whose provider is gone falls back to the default).
 */
function startingValues(catalog: PlaygroundCatalog, remixed: Awaited<ReturnType<typeof remixOptions>> | undefined): { initial: PlaygroundInitial; notice: string | null } {
  const initial: PlaygroundInitial = { prompt: "", quality: "standard", ...catalog.defaults };
  if (remixed === undefined) return { initial, notice: null };
  if (remixed === null) return { initial, notice: "That image was not found, so the form starts from the defaults." };
  const model = catalog.models.some((m) => m.slug === remixed.model && m.available) ? remixed.model : initial.model;
  const style = catalog.styleGroups.some((g) => g.styles.some((s) => s.slug === remixed.style)) ? remixed.style : initial.style;
  const shape = catalog.shapes.some((s) => s.slug === remixed.shape) ? remixed.shape : initial.shape;
  const notice =
    model === remixed.model
      ? "Remixing an image: its prompt and options are filled in. Change anything, then Generate."
      : `Remixing an image: its model (${remixed.model}) is not available on this server, so ${model} is selected instead.`;
  return { initial: { prompt: remixed.prompt, model, style, shape, quality: remixed.quality }, notice };
}
