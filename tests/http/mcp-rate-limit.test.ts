import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { connectMcp, textOf } from "../helpers/mcp-clients";

// The embedded limiter always; Redis too when the suite has one (CI starts it).
const backends = [
  { name: "embedded limiter", env: {} },
  ...(process.env.TEST_REDIS_URL ? [{ name: "Redis", env: { REDIS_URL: process.env.TEST_REDIS_URL } }] : []),
];

/** An app of its own with 4 requests a minute per key, counted across REST and MCP. */
describe.each(backends)("/mcp shares the per-key rate limit with /api/v1 ($name)", ({ env }) => {
  let app: AppServer;
  const newKey = async (email: string) => {
    const r = await fetch(`${app.url}/api/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    return (await r.json()).key as string;
  };
  const credits = (key: string) => fetch(`${app.url}/api/v1/credits`, { headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    app = await startAppServer({ DEFAULT_MODEL: "procedural", RATE_LIMIT_PER_MINUTE: "4", RATE_LIMIT_PER_DAY: "1000", ...env });
  }, 120_000);
  afterAll(() => app?.stop());

  it("counts each tools/call once with REST's requests, and a refusal is a tool error that says when to retry", async () => {
    const key = await newKey("limited@example.com");
    const mcp = await connectMcp("client 2.x legacy", `${app.url}/mcp`, key);
    try {
      expect((await credits(key)).status).toBe(200);
      expect((await credits(key)).status).toBe(200);
      expect((await mcp.callTool("check_credits", {})).isError).toBeFalsy();
      expect((await mcp.callTool("list_models", {})).isError).toBeFalsy();

      const refused = await mcp.callTool("list_shapes", {});
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/^Rate limit reached: this API key may make 4 requests per minute, REST and MCP together\. Retry in \d+ s\.$/);
      expect((await credits(key)).status).toBe(429);
      // Discovery is not a tool call: clients can still see what exists.
      expect((await mcp.listTools()).length).toBe(8);

      // The HTTP response of a refused tools/call says when to retry, as REST's 429 does.
      const raw = await fetch(`${app.url}/mcp`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "list_shapes", arguments: {} } }),
      });
      expect(raw.status).toBe(200);
      expect(Number(raw.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(raw.headers.get("x-ratelimit-limit")).toBe("4");
      expect(raw.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(await raw.text()).toMatch(/"isError":true.*Rate limit reached|Rate limit reached.*"isError":true/s);

      const other = await connectMcp("client 2.x legacy", `${app.url}/mcp`, await newKey("other@example.com"));
      expect((await other.callTool("list_shapes", {})).isError).toBeFalsy();
      await other.close();
    } finally {
      await mcp.close();
    }
  });
});
