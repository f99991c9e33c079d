import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors";
import { loadCatalog } from "./load-catalog";
import { toShapeView, type ShapeView } from "./schemas";

export async function getShape({ db, slug }: { db: Db; slug: string }): Promise<ShapeView> {
  const s = (await loadCatalog(db)).shapeBySlug.get(slug);
  if (!s) throw notFound("Shape", slug);
  return toShapeView(s);
}
