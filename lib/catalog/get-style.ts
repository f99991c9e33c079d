import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors";
import { loadCatalog } from "./load-catalog";
import { toStyleView, type StyleView } from "./schemas";

export async function getStyle({ db, appUrl, slug }: { db: Db; appUrl: string; slug: string }): Promise<StyleView> {
  const s = (await loadCatalog(db)).styleBySlug.get(slug);
  if (!s) throw notFound("Style", slug);
  return toStyleView(s, appUrl);
}
