import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createLog } from "@/lib/log";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

// Issue #9 item 9: a failed key insert used to log the SQL with every parameter, the new
// key's hash, start and last four among them. This one fails for real, on each driver.
describeEachBackend("a failed key insert, logged", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("logs the error's class and SQLSTATE, and none of the statement's parameters", async () => {
    // No such user: the insert breaks the api_keys → user foreign key.
    const userId = `usr_marker_${randomBytes(6).toString("hex")}`;
    const err = await createApiKey({
      ctx: { db: env.db, userId, actor: { kind: "system" }, requestId: "req_test" },
      input: { name: `name-${randomBytes(6).toString("hex")}` },
    }).then(
      () => null,
      (e: unknown) => e as Error & { params?: unknown[] },
    );
    const secrets = (err?.params ?? []).filter((p): p is string => typeof p === "string" && p.length >= 4);
    // The premise: the error carries the user id, the key's hash, start and last four.
    expect(secrets).toContain(userId);
    expect(secrets.some((p) => /^[0-9a-f]{64}$/.test(p))).toBe(true);
    expect(secrets.some((p) => p.startsWith("pxk_"))).toBe(true);
    expect(secrets.every((p) => err!.message.includes(p))).toBe(true);

    let out = "";
    const sink = new Writable({ write: (c, _e, done) => ((out += c), done()) });
    createLog(sink, "debug").error("dashboard action failed", { action: "createApiKey", err });

    const line = JSON.parse(out);
    expect(line.err).toMatchObject({ type: "DrizzleQueryError", cause: { code: "23503" } });
    for (const s of secrets) expect(out).not.toContain(s);
    expect(out).not.toMatch(/insert into|api_keys"|Key \(/);
  });
});
