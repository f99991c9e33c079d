import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors";
import { loadCatalog } from "./load-catalog";
import { toModelDetail, type ModelDetail } from "./schemas";

export async function getModel({ db, appUrl, slug }: { db: Db; appUrl: string; slug: string }): Promise<ModelDetail> {
  const c = await loadCatalog(db);
  const m = c.modelBySlug.get(slug);
  if (!m) throw notFound("Model", slug);
  return toModelDetail(m, c.defaultModel.slug, c.isAvailable(m), appUrl);
}
