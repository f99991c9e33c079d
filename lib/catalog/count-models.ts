import type { Db } from "@/db/client";
import { loadCatalog } from "./load-catalog";

/**
 * How many models this server's catalog lists (the built-in catalog plus any CATALOG_FILE) and
 * how many can run right now, for the pages that quote them: counted, never typed into copy.
 */
export async function countModels({ db }: { db: Db }): Promise<{ total: number; available: number }> {
  const c = await loadCatalog(db);
  return { total: c.models.length, available: c.models.filter((m) => c.isAvailable(m)).length };
}
