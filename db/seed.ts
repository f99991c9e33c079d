import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";
import { models, plans, shapes, styles, type ModelCapabilities } from "./schema";
import modelData from "./catalog/models.json";
import planData from "./catalog/plans.json";
import shapeData from "./catalog/shapes.json";
import styleData from "./catalog/styles.json";

/** Builds `SET col = excluded.col` for every column but the key, so re-seeding updates rows in place. */
function excludedSet(table: PgTable, key: string) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([name]) => name !== key)
      .map(([name, col]) => [name, sql.raw(`excluded."${col.name}"`)]),
  );
}

/**
 * Writes the catalog from the data files in db/catalog. Idempotent: run at every boot.
 * `available` is recomputed from the providers this process has credentials for.
 */
export async function seedCatalog(
  db: Db,
  availableProviders: ReadonlySet<string>,
  preferredDefault?: string,
): Promise<void> {
  const defaultSlug = chooseDefaultModel(availableProviders, preferredDefault);
  await db.transaction(async (tx) => {
    await tx
      .insert(plans)
      .values(planData)
      .onConflictDoUpdate({ target: plans.slug, set: excludedSet(plans, "slug") });

    const modelRows = modelData.map((m, position) => ({
      slug: m.slug,
      name: m.name,
      description: m.description,
      bestFor: m.bestFor,
      tags: m.tags,
      released: m.released,
      provider: m.provider,
      providerModelId: m.providerModelId,
      researcher: m.researcher,
      researcherUrl: m.researcherUrl,
      priceStandard: m.pricing.standard,
      priceHd: m.pricing.hd,
      capabilities: m.capabilities as ModelCapabilities,
      samplePrompts: m.samplePrompts,
      available: availableProviders.has(m.provider),
      isDefault: m.slug === defaultSlug,
      position,
    }));
    await tx
      .insert(models)
      .values(modelRows)
      .onConflictDoUpdate({ target: models.slug, set: excludedSet(models, "slug") });

    await tx
      .insert(styles)
      .values(styleData.map((s, position) => ({ ...s, position })))
      .onConflictDoUpdate({ target: styles.slug, set: excludedSet(styles, "slug") });

    await tx
      .insert(shapes)
      .values(shapeData.map((s, position) => ({ ...s, position })))
      .onConflictDoUpdate({ target: shapes.slug, set: excludedSet(shapes, "slug") });
  });
}

/**
 * The operator's DEFAULT_MODEL when it is available; otherwise FLUX.2 or the first hosted
 * model with credentials; otherwise the embedded renderer, which is always there.
 */
export function chooseDefaultModel(availableProviders: ReadonlySet<string>, preferred?: string): string {
  const available = modelData.filter((m) => availableProviders.has(m.provider));
  if (preferred) {
    if (!available.some((m) => m.slug === preferred)) {
      throw new Error(`DEFAULT_MODEL '${preferred}' is not an available model. Available: ${available.map((m) => m.slug).join(", ")}`);
    }
    return preferred;
  }
  const hosted = available.filter((m) => m.provider !== "embedded");
  return (hosted.find((m) => m.slug === "flux-2") ?? hosted[0] ?? available[0]).slug;
}
