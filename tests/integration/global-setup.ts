import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPostgresTemplate, dumpPgliteTemplate } from "../helpers/db-templates";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, seeded PGlite data directory (tar) that each test database starts from. */
    pgliteTemplate: string;
    /** The migrated, seeded database each PostgreSQL test database is copied from. */
    postgresTemplate: string | undefined;
  }
}

/** Migrates once per run; tests/helpers/test-db.ts copies the result for every test file. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-dbtpl-"));
  const file = path.join(dir, "pglite.tar");
  const adminUrl = process.env.TEST_DATABASE_URL;
  const [dump, pg] = await Promise.all([dumpPgliteTemplate(), adminUrl ? createPostgresTemplate(adminUrl) : undefined]);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", pg?.name);
  return async () => {
    await pg?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
