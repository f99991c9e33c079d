import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueKeyForEmail, revokeKeyById } from "@/lib/admin/keys";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { listLedger } from "@/lib/credits/list-ledger";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { toPublicError } from "@/lib/http/respond";
import { getImage } from "@/lib/images/get-image";
import { listImages } from "@/lib/images/list-images";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

/** What a REST or MCP caller is told about a failure: the surfaces share toPublicError. */
async function refusal(call: () => Promise<unknown>) {
  const err = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "the call should have been refused").not.toBeNull();
  return toPublicError(err, "req_test");
}

const cursorOf = (s: string) => Buffer.from(s).toString("base64url");

// Issue #9 items 1 and 2: PostgreSQL refuses U+0000 in text and dates outside its range;
// both must be a bad_request naming the field, never a database error (a 500), on both databases.
describeEachBackend("input hardening", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("NUL in a prompt, slug, id or key name is a bad_request naming the field", async () => {
    const ctx = await env.newUser();
    const store = env.store;
    const cases: [string, () => Promise<unknown>][] = [
      ["prompt", () => submitGeneration({ ctx, input: { prompt: "a\u0000b" }, appUrl: "http://t" })],
      ["model", () => submitGeneration({ ctx, input: { prompt: "ok", model: "proc\u0000edural" }, appUrl: "http://t" })],
      ["batchId", () => getBatch({ ctx, input: { batchId: "bat_\u0000x" }, store })],
      ["imageId", () => getImage({ ctx, input: { imageId: "\u0000" }, store })],
      ["keyId", () => revokeApiKey({ ctx, input: { keyId: "key_\u0000" } })],
      ["name", () => createApiKey({ ctx, input: { name: "my\u0000key" } })],
      ["keyId", () => revokeKeyById(env.db, "key_\u0000")],
      ["name", () => issueKeyForEmail(env.db, "nul-admin@example.com", { name: "cli\u0000key" })],
      ["cursor", () => listImages({ ctx, input: { cursor: "\u0000" }, store })],
    ];
    for (const [field, call] of cases) {
      const e = await refusal(call);
      expect(e, field).toMatchObject({ code: "bad_request" });
      expect(e.message, field).toMatch(new RegExp(`^${field}\\b.*U\\+0000`));
    }
  });

  it("a cursor holding NUL, an out-of-range date or foreign text is a bad_request naming cursor", async () => {
    const ctx = await env.newUser();
    const cursors = [
      cursorOf("2026-01-01T00:00:00.000Z|img_\u0000x"),
      cursorOf("-271821-04-20T00:00:00.000Z|img_x"),
      cursorOf("+275760-09-13T00:00:00.000Z|img_x"),
      cursorOf("0000-01-01T00:00:00.000Z|img_x"),
      cursorOf("2026-01-01|img_x"),
      cursorOf("2026-01-01T00:00:00.000Z|img_x|extra"),
      cursorOf("hello"),
      "!!!",
    ];
    for (const cursor of cursors) {
      for (const call of [() => listImages({ ctx, input: { cursor }, store: env.store }), () => listLedger({ ctx, input: { cursor } })]) {
        const e = await refusal(call);
        expect(e, cursor).toMatchObject({ code: "bad_request" });
        expect(e.message, cursor).toMatch(/^cursor /);
      }
    }
  });

  it("a well-formed cursor still pages", async () => {
    const ctx = await env.newUser();
    const page = await listLedger({ ctx, input: { cursor: cursorOf("2999-01-01T00:00:00.000Z|led_zzz") } });
    expect(page.entries.length).toBeGreaterThan(0); // the sign-up grant
  });
});
