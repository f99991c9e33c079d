import { readCatalogFile, seedCatalog } from "@/db/seed";
import type { Db } from "@/db/client";
import { PROVIDER_NAMES, PROVIDERS } from "@/lib/providers/registry";
import type { Env } from "@/lib/providers/types";
import { parseCatalogEntries } from "./catalog-entry";
import { invalidateCatalog } from "./load-catalog";

/**
 * Seeds the built-in catalog plus what this process's environment adds: the models of
 * CATALOG_FILE and those a configured provider contributes (ComfyUI's `comfyui`). A bad entry
 * throws at boot with the file, entry and field in the message.
 */
export async function seedCatalogFromEnv(db: Db, env: Env): Promise<void> {
  const extra = PROVIDERS.flatMap((p) =>
    p.catalogEntries ? parseCatalogEntries(p.catalogEntries(env), `${p.label} (${p.env.baseUrl ?? p.name})`, PROVIDER_NAMES) : [],
  );
  if (env.CATALOG_FILE) extra.push(...readCatalogFile(env.CATALOG_FILE, PROVIDER_NAMES));
  await seedCatalog(db, { providers: PROVIDER_NAMES, extra });
  invalidateCatalog(db);
}
