import type { TestProject } from "vitest/node";
import { startFakeOpenAi } from "../fixtures/fake-openai";
import { startAppServer } from "../helpers/app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
  }
}

/**
 * One running app for the HTTP suite: on PostgreSQL when TEST_APP_DATABASE_URL is set, else
 * PGlite. OpenAI's image API is a loopback fake, so the priced hosted models can be exercised.
 */
export default async function setup(project: TestProject) {
  const fake = await startFakeOpenAi();
  const server = await startAppServer({
    DATABASE_URL: process.env.TEST_APP_DATABASE_URL,
    OPENAI_API_KEY: "sk-test-provider",
    OPENAI_BASE_URL: fake.url,
    DEFAULT_MODEL: "procedural",
    // The suite makes many requests per key (polling included); the rate-limit tests start
    // apps of their own with the shipped limits. Redis when CI provides one.
    RATE_LIMIT_PER_MINUTE: "100000",
    RATE_LIMIT_PER_DAY: "10000000",
    REDIS_URL: process.env.TEST_REDIS_URL,
  });
  project.provide("baseUrl", server.url);
  project.provide("adminToken", server.adminToken);
  return async () => {
    await server.stop();
    await fake.close();
  };
}
