import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "@/db/client";
import { seedCatalog } from "@/db/seed";
import { PROVIDER_NAMES } from "@/lib/providers/registry";

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
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `pixola_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 20 });
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const drop = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await drop.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
