import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { createLog } from "@/lib/log";
import { isClientAbort, safeError } from "@/lib/safe-error";

/** A logger at debug that writes into a string. */
function capture() {
  let out = "";
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += chunk;
      done();
    },
  });
  return { log: createLog(sink, "debug"), lines: () => out.trim().split("\n").map((l) => JSON.parse(l)), text: () => out };
}

// What drizzle throws when postgres.js refuses an insert: the SQL and every bound parameter in
// the message, the parameters again on the error, and the row's values in PostgreSQL's detail.
const hash = "9f2c".repeat(16);
const params = ["key_1", "usr_1", "test", hash, "pxk_AbCd", "WxYz", "marker-prompt-77"];
const failedInsert = () =>
  new DrizzleQueryError(
    'insert into "api_keys" ("id", "user_id", "name", "hash", "start", "last4") values ($1, $2, $3, $4, $5, $6)',
    params,
    new postgres.PostgresError({
      message: 'duplicate key value violates unique constraint "api_keys_hash_unique"',
      code: "23505",
      detail: `Key (hash)=(${hash}) already exists.`,
      constraint_name: "api_keys_hash_unique",
    } as never),
  );

describe("safeError", () => {
  it("keeps a wrapped database error's class, SQLSTATE and constraint, and nothing of its SQL or values", () => {
    const err = failedInsert();
    expect(err.message).toContain(hash); // the premise: the message carries the parameters
    expect(safeError(err)).toEqual({
      type: "DrizzleQueryError",
      cause: { type: "PostgresError", code: "23505", constraint: "api_keys_hash_unique" },
    });
  });

  it("keeps our own messages, which we write, and drops every other message", () => {
    expect(safeError(new DomainError("not_found", "Batch 'bat_1' was not found."))).toEqual({
      type: "DomainError",
      code: "not_found",
      message: "Batch 'bat_1' was not found.",
    });
    expect(safeError(new Error("prompt was marker-77"))).toEqual({ type: "Error" });
    expect(safeError(Object.assign(new Error("x"), { code: "not an identifier: marker-77 ..." }))).toEqual({ type: "Error" });
    expect(safeError("a thrown string with marker-77")).toEqual({ type: "string" });
  });

  it("recognises a client that hung up, directly or as a cause", () => {
    expect(isClientAbort(new DOMException("The operation was aborted.", "AbortError"))).toBe(true);
    expect(isClientAbort(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toBe(true);
    expect(isClientAbort(new Error("aborted"))).toBe(true);
    expect(isClientAbort(new TypeError("terminated", { cause: Object.assign(new Error("x"), { name: "ResponseAborted" }) }))).toBe(true);
    expect(isClientAbort(failedInsert())).toBe(false);
    expect(isClientAbort(new DOMException("timed out", "TimeoutError"))).toBe(false);
  });
});

describe("the logger", () => {
  it("writes one JSON line per call with a level label, and an error under any name as class and code", () => {
    const { log, lines, text } = capture();
    log.error("unhandled error", { requestId: "req_1", err: failedInsert() });
    log.warn("settle failed", { imageId: "img_1", settleErr: failedInsert() });
    const [first, second] = lines();
    expect(first).toMatchObject({ level: "error", msg: "unhandled error", requestId: "req_1", err: { type: "DrizzleQueryError" } });
    expect(second).toMatchObject({ level: "warn", settleErr: { type: "DrizzleQueryError", cause: { code: "23505" } } });
    for (const p of params) expect(text()).not.toContain(p);
    expect(text()).not.toMatch(/stack|insert into|Failed query/);
  });

  it("redacts secret-looking fields passed by mistake, at the top level and one level down", () => {
    const { log, text, lines } = capture();
    log.info("oops", {
      prompt: "marker-a",
      params: ["marker-b"],
      req: { headers: { authorization: "Bearer marker-c", cookie: "s=marker-d" }, password: "marker-e", query: "sig=marker-f" },
      user: { email: "marker-g@example.com", key: "marker-h" },
      ok: "kept",
    });
    expect(text()).not.toContain("marker-");
    expect(lines()[0]).toMatchObject({ ok: "kept", prompt: "[redacted]", req: { headers: { authorization: "[redacted]" } } });
  });

  it("writes nothing below its level", () => {
    let out = "";
    const sink = new Writable({ write: (c, _e, done) => ((out += c), done()) });
    const log = createLog(sink, "warn");
    log.info("quiet");
    log.debug("quieter");
    log.warn("heard");
    expect(out.trim().split("\n").map((l) => JSON.parse(l).msg)).toEqual(["heard"]);
  });
});
