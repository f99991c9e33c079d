import type { Db } from "@/db/client";
import { loadCatalog } from "./load-catalog";
import { toShapeView, type ShapeView } from "./schemas";

export async function listShapes({ db }: { db: Db }): Promise<{ defaultShape: string; shapes: ShapeView[] }> {
  const c = await loadCatalog(db);
  return { defaultShape: "square", shapes: c.shapes.map(toShapeView) };
}
