import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";

/**
 * A fresh install: no APP_URL, so it defaults to http://localhost:$PORT, while `npm start`
 * listens on (and Next prints) http://127.0.0.1:$PORT. Both spellings must work.
 */
describe("loopback origins with no APP_URL", () => {
  let app: AppServer;
  let port: string;
  beforeAll(async () => {
    app = await startAppServer({}, { withoutAppUrl: true });
    port = new URL(app.url).port;
  }, 120_000);
  afterAll(() => app?.stop());

  let n = 0;
  const signUp = (origin: string) =>
    fetch(`${app.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ name: "Ada", email: `loopback${++n}@example.com`, password: "correct horse battery staple" }),
    });
  const mcp = (origin: string) =>
    fetch(`${app.url}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", origin },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });

  it("signs up from http://127.0.0.1:PORT and from http://localhost:PORT", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const r = await signUp(origin);
      expect(r.status, `${origin}: ${await r.clone().text()}`).toBe(200);
      expect(r.headers.get("set-cookie")).toMatch(/session_token=/);
    }
  });

  it("refuses sign-up from another origin, another port or another scheme", async () => {
    for (const origin of ["https://evil.example", `http://127.0.0.1:${Number(port) + 1}`, `https://localhost:${port}`, `http://localhost.evil.example:${port}`]) {
      expect((await signUp(origin)).status, origin).toBe(403);
    }
  });

  it("/mcp lets both loopback spellings past the Origin check (to the key check) and refuses others", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) expect((await mcp(origin)).status, origin).toBe(401);
    expect((await mcp("https://evil.example")).status).toBe(403);
    expect((await mcp(`http://127.0.0.1:${Number(port) + 1}`)).status).toBe(403);
  });
});
