import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, shapes, styles } from "@/db/schema";

export type ModelRow = typeof models.$inferSelect;
export type StyleRow = typeof styles.$inferSelect;
export type ShapeRow = typeof shapes.$inferSelect;

export interface Catalog {
  models: ModelRow[];
  styles: StyleRow[];
  shapes: ShapeRow[];
  modelBySlug: Map<string, ModelRow>;
  styleBySlug: Map<string, StyleRow>;
  shapeBySlug: Map<string, ShapeRow>;
  /** Chosen at seed time (db/seed.ts): the embedded renderer until a provider is configured. */
  defaultModel: ModelRow;
}

// The catalog changes only when the app boots and re-seeds it, so it is read once per database.
const cache = new WeakMap<Db, Promise<Catalog>>();

export function loadCatalog(db: Db): Promise<Catalog> {
  let hit = cache.get(db);
  if (!hit) {
    hit = readCatalog(db);
    hit.catch(() => cache.delete(db));
    cache.set(db, hit);
  }
  return hit;
}

export function invalidateCatalog(db: Db): void {
  cache.delete(db);
}

async function readCatalog(db: Db): Promise<Catalog> {
  const [m, st, sh] = await Promise.all([
    db.select().from(models).orderBy(asc(models.position)),
    db.select().from(styles).orderBy(asc(styles.position)),
    db.select().from(shapes).orderBy(asc(shapes.position)),
  ]);
  const defaultModel = m.find((x) => x.isDefault);
  if (!defaultModel) throw new Error("The catalog has no default model: was it seeded?");
  return {
    models: m,
    styles: st,
    shapes: sh,
    modelBySlug: new Map(m.map((x) => [x.slug, x])),
    styleBySlug: new Map(st.map((x) => [x.slug, x])),
    shapeBySlug: new Map(sh.map((x) => [x.slug, x])),
    defaultModel,
  };
}
