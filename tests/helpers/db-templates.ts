import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "@/db/client";
import { seedCatalog } from "@/db/seed";
import { PROVIDER_NAMES } from "@/lib/providers/registry";

/**
 * Migrating and seeding a database costs about two seconds, on each backend, for every test
 * file. The integration suite does it once (tests/integration/global-setup.ts) and each test
 * file starts from a copy: PGlite from a dump of its data directory, PostgreSQL from a
 * template database.
 */
/** What every test database holds besides the migrations: the catalog of every provider. */
export async function seedTestCatalog(handle: DbHandle): Promise<void> {
  await seedCatalog(handle.db, { providers: PROVIDER_NAMES });
}

/** A migrated, seeded PGlite data directory, as the tar PGlite's `loadDataDir` reads. */
export async function dumpPgliteTemplate(): Promise<Blob> {
  const handle = await openDatabase({ dataDir: "memory://" });
  try {
    await seedTestCatalog(handle);
    // drizzle keeps the driver's client as $client: for memory:// that is the PGlite instance.
    const pglite = (handle.db as unknown as { $client: PGlite }).$client;
    return await pglite.dumpDataDir("none");
  } finally {
    await handle.close();
  }
}

/**
 * A migrated, seeded database on the TEST_DATABASE_URL server to copy with
 * `CREATE DATABASE … TEMPLATE`; `drop` removes it.
 */
export async function createPostgresTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `pixola_tpl_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Closed before any copy: PostgreSQL refuses to copy a database others are connected to.
  const handle = await openDatabase({ url: url.toString(), poolSize: 1 });
  try {
    await seedTestCatalog(handle);
  } finally {
    await handle.close();
  }
  return {
    name,
    async drop() {
      const drop = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await drop.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
