import type { Db } from "@/db/client";
import { loadCatalog } from "./load-catalog";
import { toModelSummary, type ModelSummary } from "./schemas";

export async function listModels({ db }: { db: Db }): Promise<{ defaultModel: string; models: ModelSummary[] }> {
  const c = await loadCatalog(db);
  return { defaultModel: c.defaultModel.slug, models: c.models.map((m) => toModelSummary(m, c.defaultModel.slug, c.isAvailable(m))) };
}
