import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startFakeOpenAi } from "../fixtures/fake-openai";
import { PGLITE_TEMPLATE_ENV, startAppServer } from "../helpers/app-server";
import { createEmptyPostgres } from "../helpers/empty-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
  }
}

/**
 * One running app for the HTTP suite: on a new PostgreSQL database when TEST_DATABASE_URL is
 * set (dropped afterwards: the app's secret is made anew in its fresh data directory each run,
 * and a database kept from an earlier run holds keys sealed with the old one), else PGlite. OpenAI's image API is a loopback fake, so the priced hosted models can be exercised.
 * Beside it, one migrated embedded database that the apps test files start for themselves
 * copy (tests/helpers/app-server.ts); this app migrates its own, as a fresh install does.
 */
export default async function setup(project: TestProject) {
  const fake = await startFakeOpenAi();
  const database = process.env.TEST_DATABASE_URL ? await createEmptyPostgres() : undefined;
  const [server, template] = await Promise.all([
    startAppServer({
      DATABASE_URL: database?.url,
      OPENAI_API_KEY: "sk-test-provider",
      OPENAI_BASE_URL: fake.url,
      DEFAULT_MODEL: "procedural",
      // The suite makes many requests per key (polling included); the rate-limit tests start
      // apps of their own with the shipped limits. Redis when CI provides one.
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_PER_DAY: "10000000",
      REDIS_URL: process.env.TEST_REDIS_URL,
    }, { freshDatabase: true }),
    // scripts/test-all.sh makes one for the HTTP and browser suites; run alone, the suite makes its own.
    process.env[PGLITE_TEMPLATE_ENV] ? undefined : migratedPglite(),
  ]);
  // Read by startAppServer in the test files' processes, which inherit this environment.
  if (template) process.env[PGLITE_TEMPLATE_ENV] = template.dir;
  project.provide("baseUrl", server.url);
  project.provide("adminToken", server.adminToken);
  return async () => {
    await server.stop();
    await database?.drop();
    await fake.close();
    template?.remove();
  };
}

/** `npm run db:migrate` on an empty data directory: the embedded database migrated and seeded. */
async function migratedPglite() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-pglite-tpl-"));
  await promisify(execFile)("npm", ["run", "--silent", "db:migrate"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATA_DIR: root, LOG_LEVEL: "warn" },
  });
  return { dir: path.join(root, "pglite"), remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}
