import type { Db } from "@/db/client";
import { deepFreeze } from "@/lib/deep-freeze";
import { loadCatalog, type Catalog, type ModelRow } from "./load-catalog";
import { toModelSummary, type ModelList } from "./schemas";

// The list depends only on the catalog's rows, which models are available and the default:
// while those stay the same, every caller gets the same frozen list (list_models and
// GET /models are read far more often than a worker starts or stops). A catalog seen before
// answers by identity; a new one (the live providers read again) is compared by content.
const lists = new WeakMap<readonly ModelRow[], { key: string; list: ModelList }>();
const byCatalog = new WeakMap<Catalog, ModelList>();

export async function listModels({ db }: { db: Db }): Promise<ModelList> {
  const c = await loadCatalog(db);
  const seen = byCatalog.get(c);
  if (seen) return seen;
  const list = listFor(c);
  byCatalog.set(c, list);
  return list;
}

function listFor(c: Catalog): ModelList {
  const available = c.models.map((m) => c.isAvailable(m));
  const key = `${c.defaultModel.slug} ${available.map(Number).join("")}`;
  const hit = lists.get(c.models);
  if (hit?.key === key) return hit.list;
  const list = deepFreeze({
    defaultModel: c.defaultModel.slug,
    models: c.models.map((m, i) => toModelSummary(m, c.defaultModel.slug, available[i])),
  });
  lists.set(c.models, { key, list });
  return list;
}
