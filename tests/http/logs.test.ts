import { randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayParts, generateKey, hashKey } from "@/lib/api-keys/codec";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { createEmptyPostgres } from "../helpers/empty-postgres";
import { waitFor } from "../helpers/wait-for";

// Issue #9 item 9: an app of its own at LOG_LEVEL=debug, driven through sign-up, keys,
// generations and many failing requests on REST, /mcp and auth, every value we sent carrying a
// unique marker. Its log must hold none of them, and must hold every failing request's id.
const marker = `marker-${randomBytes(8).toString("hex")}`;
const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"];

describe("the log of a full HTTP run", () => {
  let app: AppServer;
  let db: { url: string; drop(): Promise<void> } | undefined;
  /** name → a value that must never reach the log */
  const secrets: Record<string, string> = {};
  /** what was sent → the request id of its failing answer */
  const failing: Record<string, string> = {};

  beforeAll(async () => {
    db = process.env.TEST_DATABASE_URL ? await createEmptyPostgres() : undefined;
    app = await startAppServer({ DATABASE_URL: db?.url, LOG_LEVEL: "debug", DEFAULT_MODEL: "procedural" });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  async function send(path: string, opts: { method?: string; key?: string; json?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { origin: app.url, ...opts.headers };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    if (opts.json !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${app.url}${path}`, {
      method: opts.method ?? (opts.json !== undefined ? "POST" : "GET"),
      headers,
      body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined,
    });
    const text = await res.text();
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      // an SSE answer from /mcp, or an image
    }
    return { status: res.status, headers: res.headers, body, text, requestId: res.headers.get("x-request-id") ?? "" };
  }

  /** Sends a request that must fail with `status`, and remembers its request id. */
  async function fail(what: string, status: number, path: string, opts: Parameters<typeof send>[1] = {}) {
    const r = await send(path, opts);
    expect(r.status, `${what}: ${r.text}`).toBe(status);
    expect(r.requestId, what).toMatch(/^req_/);
    failing[what] = r.requestId;
    return r;
  }

  const tool = (key: string, name: string, args: Record<string, unknown>) =>
    send("/mcp", {
      key,
      json: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } },
      headers: { accept: "application/json, text/event-stream" },
    });

  async function issueKey(tag: string) {
    const email = `${marker}-${tag}@example.com`;
    const r = await send("/api/admin/keys", { json: { email, name: `${marker} ${tag}` }, headers: { authorization: `Bearer ${app.adminToken}` } });
    expect(r.status, r.text).toBe(201);
    const key: string = r.body.key;
    const { start, last4 } = displayParts(key);
    Object.assign(secrets, {
      [`${tag} key`]: key,
      [`${tag} key body`]: key.slice(4),
      [`${tag} key hash`]: hashKey(key),
      [`${tag} key start`]: start,
      [`${tag} key last4 (as a value)`]: `"${last4}"`,
      [`${tag} key last4 (in a list)`]: `,${last4},`,
      [`${tag} key id`]: r.body.apiKey.id,
    });
    return { key, keyId: r.body.apiKey.id as string };
  }

  it("a session, keys, generations and failures on every surface", async () => {
    secrets["any marked value (prompts, passwords, emails, names)"] = marker;

    // Sign-up, a second sign-up with the same address, a wrong password.
    const email = `${marker}-ada@example.com`;
    const password = `violet ${marker} tractor`;
    const signUp = await send("/api/auth/sign-up/email", { json: { name: "Ada", email, password } });
    expect(signUp.status, signUp.text).toBe(200);
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const session = /session_token=([^;]+)/.exec(cookie)?.[1] ?? "";
    expect(session).not.toBe("");
    secrets["session cookie"] = session;
    secrets["session token"] = decodeURIComponent(session).split(".")[0];
    await fail("sign-up with a taken address", 422, "/api/auth/sign-up/email", { json: { name: "Ada", email, password } });
    await fail("sign-in with a wrong password", 401, "/api/auth/sign-in/email", { json: { email, password: `wrong ${marker}` } });

    // Keys, and a generation that works, with its signed image URL.
    const { key } = await issueKey("first");
    const { keyId: secondId, key: second } = await issueKey("second");
    const made = await send("/api/v1/generate", { key, json: { prompt: `a fox ${marker} ok` } });
    expect(made.status, made.text).toBe(202);
    const batch = await waitFor(
      async () => {
        const b = await send(`/api/v1/batches/${made.body.batchId}`, { key });
        return b.body?.status === "succeeded" && b.body;
      },
      { what: "the batch to succeed", timeoutMs: 30_000 },
    );
    const url = new URL(batch.images[0].url);
    secrets["image signature"] = url.searchParams.get("sig")!;
    secrets["image storage key"] = url.pathname.replace(/^\/files\//, "");
    expect((await send(`${url.pathname}${url.search}`)).status).toBe(200);
    url.searchParams.set("sig", `${marker}x`);
    await fail("a tampered image signature", 403, `${url.pathname}${url.search}`);

    // REST failures.
    const badKey = generateKey();
    secrets["a key never issued"] = badKey;
    await fail("generate with a key never issued", 401, "/api/v1/generate", { key: badKey, json: { prompt: `${marker} a` } });
    await fail("generate with NUL in the prompt", 400, "/api/v1/generate", { key, json: { prompt: `${marker}\u0000b` } });
    await fail("generate with count 999", 400, "/api/v1/generate", { key, json: { prompt: `${marker} c`, count: 999 } });
    await fail("generate with an unknown model", 400, "/api/v1/generate", { key, json: { prompt: `${marker} d`, model: `${marker}-model` } });
    await fail("a cursor we did not write", 400, `/api/v1/images?cursor=${marker}`, { key });
    await fail("an unknown batch", 404, `/api/v1/batches/bat_${marker}`, { key });
    await fail("an unknown endpoint", 404, `/api/v1/${marker}`, { key });
    await fail("the admin API with a wrong token", 401, "/api/admin/keys", { json: { email }, headers: { authorization: `Bearer ${marker}` } });
    await fail("the playground's poll without a session", 401, `/api/dashboard/batches/bat_${marker}`);
    await fail("the playground's poll for another's batch", 404, `/api/dashboard/batches/${made.body.batchId}`, { headers: { cookie } });
    await send(`/api/admin/keys/${secondId}/revoke`, { method: "POST", headers: { authorization: `Bearer ${app.adminToken}` } });
    await fail("generate with a revoked key", 401, "/api/v1/generate", { key: second, json: { prompt: `${marker} e` } });

    // MCP: a bad key is HTTP 401; a refused tools/call is a 200 that the log must still name.
    await fail("/mcp with a key never issued", 401, "/mcp", { key: badKey, json: { jsonrpc: "2.0", id: 1, method: "tools/list" } });
    for (const [what, name, args] of [
      ["generate_image with NUL in the prompt", "generate_image", { prompt: `${marker}\u0000` }],
      ["generate_image with count 999", "generate_image", { prompt: `${marker} f`, count: 999 }],
      ["generate_image with an unknown style", "generate_image", { prompt: `${marker} g`, style: `${marker}-style` }],
      ["get_batch of an unknown batch", "get_batch", { batchId: `bat_${marker}` }],
      ["list_images with a foreign cursor", "list_images", { cursor: marker }],
    ] as const) {
      const r = await tool(key, name, args);
      expect(r.status, `${what}: ${r.text}`).toBe(200);
      expect(r.text, what).toMatch(/"isError":true/);
      failing[`tools/call ${what}`] = r.requestId;
    }
    const ok = await tool(key, "generate_image", { prompt: `a heron ${marker} via mcp` });
    expect(ok.text).toMatch(/"status":"succeeded"/);
    expect(ok.text).not.toMatch(/"isError":true/);

    // A client that hangs up halfway through its body.
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(new URL(app.url).port), "127.0.0.1", () => {
        const body = `{"prompt":"${marker} gone`;
        socket.write(
          `POST /api/v1/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${body.length + 100}\r\n\r\n${body}`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 500);
      });
      socket.on("error", reject);
    });
    await waitFor(() => /"aborted":true|client went away/.test(app.output()), { what: "the server to notice the hang-up", timeoutMs: 20_000 });
  });

  it("holds no prompt, password, email, key, key hash, cookie or signature", () => {
    const log = app.output();
    const found = Object.entries(secrets)
      .filter(([, value]) => log.includes(value))
      .map(([name]) => name);
    expect(found).toEqual([]);
  });

  it("names every failing request by its id", () => {
    const log = app.output();
    const missing = Object.entries(failing)
      .filter(([, id]) => !log.includes(id))
      .map(([what]) => what);
    expect(Object.keys(failing).length).toBeGreaterThanOrEqual(20);
    expect(missing).toEqual([]);
  });

  it("is JSON lines with level labels, better-auth's included, and no errors: nothing failed on our side", () => {
    const lines = app
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(30);
    for (const line of lines) expect(LEVELS).toContain(line.level);
    expect(lines.filter((l) => l.level === "error" || l.level === "fatal")).toEqual([]);
    expect(lines.some((l) => l.source === "better-auth")).toBe(true);
    expect(app.output()).not.toContain("[Better Auth]");
  });
});
