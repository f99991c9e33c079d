import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, shapes, styles } from "@/db/schema";
import { chooseDefaultModel, liveProviders } from "./availability";
import { refreshed } from "./refreshed";

export type ModelRow = typeof models.$inferSelect;
export type StyleRow = typeof styles.$inferSelect;
export type ShapeRow = typeof shapes.$inferSelect;

interface StaticCatalog {
  models: ModelRow[];
  styles: StyleRow[];
  shapes: ShapeRow[];
  modelBySlug: Map<string, ModelRow>;
  styleBySlug: Map<string, StyleRow>;
  shapeBySlug: Map<string, ShapeRow>;
}

export interface Catalog extends StaticCatalog {
  /** True when a live worker can run the model's provider (lib/catalog/availability.ts). */
  isAvailable(model: ModelRow): boolean;
  /** DEFAULT_MODEL when available, else the first available of the preference list. */
  defaultModel: ModelRow;
}

// The rows change only when a process boots and seeds (or upserts CATALOG_FILE), so they are
// read at most every few seconds, in the background while the process is busy; availability
// comes from the workers' heartbeats.
const rows = refreshed(readCatalog, { ttlMs: 5_000 });

const staticCatalog = (db: Db): Promise<StaticCatalog> => rows.get(db);

export function invalidateCatalog(db: Db): void {
  rows.forget(db);
}

// The catalog callers get is derived from the rows, the live providers and DEFAULT_MODEL, and is
// the same object while those stay the same (the live set is read again at most once a second):
// list_models, the generate path and every catalog lookup call this on each request.
const derived = new WeakMap<StaticCatalog, { live: ReadonlySet<string>; preferred: string | undefined; catalog: Catalog }>();

export async function loadCatalog(db: Db): Promise<Catalog> {
  const [c, live] = await Promise.all([staticCatalog(db), liveProviders(db)]);
  const preferred = process.env.DEFAULT_MODEL || undefined;
  const hit = derived.get(c);
  if (hit?.live === live && hit.preferred === preferred) return hit.catalog;
  const isAvailable = (m: ModelRow) => live.has(m.provider);
  const availableSlugs = new Set(c.models.filter(isAvailable).map((m) => m.slug));
  const slug = chooseDefaultModel(availableSlugs, preferred);
  const defaultModel = c.modelBySlug.get(slug) ?? c.models[0];
  const catalog: Catalog = Object.freeze({ ...c, isAvailable, defaultModel });
  derived.set(c, { live, preferred, catalog });
  return catalog;
}

async function readCatalog(db: Db): Promise<StaticCatalog> {
  const [m, st, sh] = await Promise.all([
    db.select().from(models).orderBy(asc(models.position)),
    db.select().from(styles).orderBy(asc(styles.position)),
    db.select().from(shapes).orderBy(asc(shapes.position)),
  ]);
  if (m.length === 0) throw new Error("The catalog is empty: was it seeded?");
  return {
    models: m,
    styles: st,
    shapes: sh,
    modelBySlug: new Map(m.map((x) => [x.slug, x])),
    styleBySlug: new Map(st.map((x) => [x.slug, x])),
    shapeBySlug: new Map(sh.map((x) => [x.slug, x])),
  };
}
