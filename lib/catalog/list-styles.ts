import type { Db } from "@/db/client";
import { loadCatalog } from "./load-catalog";
import { toStyleView, type StyleView } from "./schemas";

/** Styles grouped by category, in catalog order. */
export async function listStyles({ db, appUrl }: { db: Db; appUrl: string }) {
  const c = await loadCatalog(db);
  const groups = new Map<string, StyleView[]>();
  for (const s of c.styles) {
    const list = groups.get(s.category) ?? [];
    list.push(toStyleView(s, appUrl));
    groups.set(s.category, list);
  }
  return {
    defaultStyle: "no-style",
    categories: [...groups].map(([category, styles]) => ({ category, styles })),
  };
}
