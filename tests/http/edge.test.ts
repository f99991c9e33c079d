import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";

/**
 * Issue #9 items 3, 4 and 6, against server.ts as `npm start` runs it: undecodable paths,
 * cross-origin server actions, and sign-in limits that rotating X-Forwarded-For cannot dodge.
 */

const PASSWORD = "correct horse battery staple 42";
let n = 0;

async function signUp(app: AppServer, headers: Record<string, string> = {}) {
  const email = `edge${++n}-${Date.now()}@example.com`;
  const res = await fetch(`${app.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, ...headers },
    body: JSON.stringify({ name: "Edge", email, password: PASSWORD }),
  });
  return { email, res };
}

const signIn = (app: AppServer, email: string, password: string, forwardedFor?: string) =>
  fetch(`${app.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: JSON.stringify({ email, password }),
  });

const rotating = (i: number) => `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`;

describe("undecodable paths and cross-origin actions", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer();
  }, 120_000);
  afterAll(() => app?.stop());

  it("an API path whose percent-encoding does not decode is a 400 JSON error naming the segment", async () => {
    const paths = [
      "/api/v1/batches/%ff",
      "/api/v1/images/%ff",
      "/api/v1/models/%ff",
      "/api/v1/styles/%ff",
      "/api/v1/shapes/%ff",
      "/api/v1/styles/%ff/preview",
      "/api/dashboard/batches/%ff",
      "/files/%ff.png?exp=1&sig=x",
      "/api/v1/images/%c0%80",
      "/mcp/%ff",
    ];
    for (const path of paths) {
      const res = await fetch(app.url + path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type"), path).toMatch(/application\/json/);
      const body = await res.json();
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toMatch(/is not valid percent-encoded UTF-8/);
      expect(body.error.requestId).toMatch(/^req_/);
    }
  });

  it("a page whose address does not decode answers the app's own page, with 400", async () => {
    for (const path of ["/images/%ff", "/images/%c0%80", "/settings/%E0%A4%A"]) {
      const res = await fetch(app.url + path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toContain("This address is malformed");
      expect(html).toContain("Pixola");
    }
  });

  it("methods a route does not take and unknown /api and /.well-known paths answer JSON", async () => {
    const put = await fetch(`${app.url}/api/v1/models`, { method: "PUT" });
    expect(put.status).toBe(405);
    expect((await put.json()).error).toMatchObject({ code: "method_not_allowed", message: expect.stringContaining("PUT is not allowed on /api/v1/models") });
    // (/.well-known/oauth-authorization-server and …/oauth-protected-resource now exist: tests/http/oauth-discovery.test.ts.)
    for (const path of ["/api/nothing-here", "/.well-known/openid-configuration", "/.well-known/oauth-protected-resource/other", "/api/v1/nothing"]) {
      const res = await fetch(app.url + path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/application\/json/);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });

  it("a server action posted from another origin is refused with 403 and no stack in the log", async () => {
    const before = app.output().length;
    for (const origin of ["https://evil.example", "null"]) {
      const res = await fetch(`${app.url}/settings/api-keys`, {
        method: "POST",
        headers: { origin, "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" },
        body: "[]",
      });
      expect(res.status, origin).toBe(403);
      expect((await res.json()).error.message).toMatch(/sent from another site/);
    }
    await new Promise((r) => setTimeout(r, 200));
    const log = app.output().slice(before);
    expect(log).not.toMatch(/Invalid Server Actions request|\n\s+at /);
  });
});

describe("sign-in limits with no trusted proxy", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ AUTH_RATE_LIMIT: "on" });
  }, 120_000);
  afterAll(() => app?.stop());

  it("30 wrong passwords with a new X-Forwarded-For each are still limited by address", async () => {
    const { email } = await signUp(app);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await signIn(app, email, "wrong password!", rotating(i))).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
  });
});

describe("sign-in limits behind a trusted proxy", () => {
  let app: AppServer;
  beforeAll(async () => {
    // The test client plays the proxy: its address is trusted, so X-Forwarded-For is believed
    // and every attempt comes from a different client address.
    app = await startAppServer({ AUTH_RATE_LIMIT: "on", TRUSTED_PROXIES: "127.0.0.1,::1" });
  }, 120_000);
  afterAll(() => app?.stop());

  it("rotating addresses get 10 failures per account, then 429 with Retry-After, even with the right password", async () => {
    const { email } = await signUp(app, { "x-forwarded-for": "203.0.113.1" });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn(app, email, "wrong password!", rotating(i))).status);
    expect(statuses).toEqual(Array(10).fill(401));

    const limited = await signIn(app, email, "wrong password!", rotating(10));
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect((await limited.json()).message).toMatch(/Too many failed sign-ins for this account\. Wait \d+ seconds/);

    // The owner is delayed too (the limit must not reveal the password), but not locked out:
    const owner = await signIn(app, email, PASSWORD, rotating(11));
    expect(owner.status).toBe(429);

    // Another account is untouched by this one's failures.
    const other = await signUp(app, { "x-forwarded-for": "203.0.113.2" });
    expect((await signIn(app, other.email, PASSWORD, rotating(12))).status).toBe(200);
  });

  it("sign-up is limited per address, and another address can still sign up", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signUp(app, { "x-forwarded-for": "192.0.2.77" })).res.status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    const refused = await signUp(app, { "x-forwarded-for": "192.0.2.77" });
    expect(refused.res.status).toBe(429);
    expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signUp(app, { "x-forwarded-for": "192.0.2.78" })).res.status).toBe(200);
  });
});
