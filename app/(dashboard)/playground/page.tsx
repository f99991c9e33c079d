import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { PlaygroundForm } from "@/components/playground/playground-form";
import type { PlaygroundCatalog } from "@/components/playground/types";
import { requireSession } from "@/lib/auth/session";
import { listModels } from "@/lib/catalog/list-models";
import { listShapes } from "@/lib/catalog/list-shapes";
import { listStyles } from "@/lib/catalog/list-styles";
import { getCredits } from "@/lib/credits/get-credits";

export const metadata: Metadata = { title: "Playground · Pixola" };

export default async function PlaygroundPage() {
  const { ctx, rt } = await requireSession();
  const [models, styles, shapes, credits] = await Promise.all([
    listModels({ db: rt.db }),
    listStyles({ db: rt.db, appUrl: rt.config.appUrl }),
    listShapes({ db: rt.db }),
    getCredits({ ctx }),
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

  return (
    <>
      <PageHeader title="Playground" description="Try prompts, models and styles, then use the same options from your assistant or the API." />
      <PlaygroundForm catalog={catalog} balance={credits.balance} />
    </>
  );
}
