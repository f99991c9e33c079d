import { afterAll, beforeAll, expect, it } from "vitest";
import { listModels } from "@/lib/catalog/list-models";
import { openaiProvider } from "@/lib/providers/openai";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

describeEachBackend("the model list (list_models, GET /models)", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("is one frozen list while nothing changes, and a new one as soon as a provider becomes available", async () => {
    const before = await listModels({ db: env.db });
    expect(await listModels({ db: env.db })).toBe(before);
    expect(Object.isFrozen(before.models[0].pricing)).toBe(true);
    expect(() => (before.models as unknown as unknown[]).push({ available: true })).toThrow(TypeError);
    const gptBefore = before.models.find((m) => m.slug === "gpt-image-2")!;
    expect(gptBefore.available).toBe(false);

    // A worker that runs OpenAI announces itself (which forgets this process's cached availability).
    await env.overrideProvider("openai", openaiProvider.fromEnv({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: "http://127.0.0.1:9" })!);
    const after = await listModels({ db: env.db });
    expect(after).not.toBe(before);
    expect(after.models.find((m) => m.slug === "gpt-image-2")!.available).toBe(true);
    // Whoever still holds the earlier list sees it as it was.
    expect(gptBefore.available).toBe(false);

    // DEFAULT_MODEL is read on every call (the derived catalog is kept per value): the default
    // follows it, and comes back with it.
    const preferred = process.env.DEFAULT_MODEL;
    process.env.DEFAULT_MODEL = "gpt-image-2";
    try {
      expect((await listModels({ db: env.db })).defaultModel).toBe("gpt-image-2");
    } finally {
      if (preferred === undefined) delete process.env.DEFAULT_MODEL;
      else process.env.DEFAULT_MODEL = preferred;
    }
    expect(await listModels({ db: env.db })).toEqual(after);
  });
});
