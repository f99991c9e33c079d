import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * A new database on the TEST_DATABASE_URL server: empty (nothing migrated or seeded), for the
 * processes a test starts itself, or a copy of `template`. `drop` removes it, closing any
 * connection still open.
 */
export async function createEmptyPostgres(opts: { template?: string } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("createEmptyPostgres needs TEST_DATABASE_URL");
  const name = `pixola_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(opts.template ? `CREATE DATABASE ${name} TEMPLATE ${opts.template}` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const drop = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await drop.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
