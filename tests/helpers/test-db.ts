import fs from "node:fs";
import { describe, inject } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { dumpPgliteTemplate, seedTestCatalog } from "./db-templates";
import { createEmptyPostgres } from "./empty-postgres";

export type Backend = "pglite" | "postgres";

/**
 * The backends the integration suite runs on: embedded PGlite always, and real PostgreSQL
 * when TEST_DATABASE_URL points at a server (CI starts one).
 */
export function backends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** `describe(name (backend), …)` once per backend: every domain test runs on both. */
export function describeEachBackend(name: string, fn: (backend: Backend) => void): void {
  describe.each(backends())(`${name} (%s)`, fn);
}

/** A fresh, migrated database with the catalog seeded, copied from the run's template. */
export async function openTestDatabase(backend: Backend): Promise<DbHandle & { url?: string }> {
  if (backend === "pglite") return openDatabase({ dataDir: "memory://", loadDataDir: await pgliteTemplate(), migrate: false });
  return openFreshPostgres();
}

let pgliteDump: Promise<Blob> | undefined;
/** tests/integration/global-setup.ts writes the dump once per run; without it, it is made here. */
function pgliteTemplate(): Promise<Blob> {
  return (pgliteDump ??= (async () => {
    const file = inject("pgliteTemplate");
    return file ? new Blob([fs.readFileSync(file)]) : dumpPgliteTemplate();
  })());
}

/** A new database on the TEST_DATABASE_URL server, dropped again on close. */
async function openFreshPostgres(): Promise<DbHandle & { url: string }> {
  const template = inject("postgresTemplate");
  const fresh = await createEmptyPostgres({ template });
  const handle = await openDatabase({ url: fresh.url, poolSize: 20, migrate: !template });
  if (!template) await seedTestCatalog(handle);
  return {
    ...handle,
    url: fresh.url,
    async close() {
      await handle.close();
      await fresh.drop();
    },
  };
}
