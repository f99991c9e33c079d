import fs from "node:fs";
import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { parseCatalogEntries, type CatalogEntry } from "@/lib/catalog/catalog-entry";
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

/** The built-in catalog, checked by the same schema as an operator's CATALOG_FILE. */
export const builtInModels = (providers: readonly string[]) => parseCatalogEntries(modelData, "db/catalog/models.json", providers);

/** Reads CATALOG_FILE (a JSON array of entries); errors name the file, the entry and the field. */
export function readCatalogFile(file: string, providers: readonly string[]): CatalogEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`CATALOG_FILE ${file}: cannot be read as JSON (${(err as Error).message})`);
  }
  return parseCatalogEntries(raw, `CATALOG_FILE ${file}`, providers);
}

const toRow = (m: CatalogEntry, position: number) => ({
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
  position,
});

/**
 * Writes the catalog: the built-in data files, then `extra` entries (CATALOG_FILE, provider-added
 * models such as ComfyUI's) upserted by slug after them. Idempotent: run at every boot.
 * Entries other processes added are left alone; availability is not stored (lib/catalog/availability.ts).
 */
export async function seedCatalog(db: Db, opts: { providers: readonly string[]; extra?: CatalogEntry[] }): Promise<void> {
  const builtIn = builtInModels(opts.providers);
  const extra = opts.extra ?? [];
  await db.transaction(async (tx) => {
    await tx
      .insert(plans)
      .values(planData)
      .onConflictDoUpdate({ target: plans.slug, set: excludedSet(plans, "slug") });

    // Operator entries sort after the built-in ones; one with a built-in slug replaces it in place.
    const builtInSlugs = new Map(builtIn.map((m, i) => [m.slug, i]));
    const rows = [
      ...builtIn.filter((m) => !extra.some((e) => e.slug === m.slug)).map((m, i) => toRow(m, builtInSlugs.get(m.slug) ?? i)),
      ...extra.map((m, i) => toRow(m, builtInSlugs.get(m.slug) ?? 1000 + i)),
    ];
    await tx
      .insert(models)
      .values(rows)
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
