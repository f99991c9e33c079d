import { openDatabase, type DbHandle } from "@/db/client";
import { seedCatalog } from "@/db/seed";
import { PROVIDER_NAMES } from "@/lib/providers/registry";
import { createEmptyPostgres } from "./empty-postgres";

export type Backend = "pglite" | "postgres";

/**
 * The backends the integration suite runs on: embedded PGlite always, and real PostgreSQL
 * when TEST_DATABASE_URL points at a server (CI starts one). Each call gets a fresh database.
 */
export function backends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export async function openTestDatabase(backend: Backend): Promise<DbHandle & { url?: string }> {
  const handle = backend === "pglite" ? await openDatabase({ dataDir: "memory://" }) : await openFreshPostgres();
  await seedCatalog(handle.db, { providers: PROVIDER_NAMES });
  return handle;
}

/** A new, empty database on the TEST_DATABASE_URL server, dropped again on close. */
async function openFreshPostgres(): Promise<DbHandle & { url: string }> {
  const fresh = await createEmptyPostgres();
  const handle = await openDatabase({ url: fresh.url, poolSize: 20 });
  return {
    ...handle,
    url: fresh.url,
    async close() {
      await handle.close();
      await fresh.drop();
    },
  };
}
