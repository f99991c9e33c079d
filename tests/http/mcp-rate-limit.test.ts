import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { connectMcp, textOf } from "../helpers/mcp-clients";
import { appKey, awayFromMinuteEnd, callApp, uniqueEmail } from "./rate-limit-helpers";

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
    // The six counted requests must share one minute window: across a window's end the count
    // starts again and the last refusals would be answered (seen once in CI, on Redis).
    await awayFromMinuteEnd();
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

/** An app of its own with 30 requests a minute per key, for JSON-RPC batch arrays. */
describe.each(backends)("/mcp counts every tools/call in a JSON-RPC batch ($name)", ({ env }) => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ DEFAULT_MODEL: "procedural", RATE_LIMIT_PER_MINUTE: "30", RATE_LIMIT_PER_DAY: "1000", ...env });
  }, 120_000);
  afterAll(() => app?.stop());

  /** A 2025-03-26 batch array (no MCP-Protocol-Version header): the revision that has batches. */
  const batch = async (key: string, calls: number, tool = "check_credits") => {
    const messages = Array.from({ length: calls }, (_, i) => ({ jsonrpc: "2.0", id: i + 1, method: "tools/call", params: { name: tool, arguments: {} } }));
    const res = await fetch(`${app.url}/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify(messages),
    });
    // One JSON array (no progress was asked for); an SSE stream would carry it in data lines.
    const text = await res.text();
    const replies = (text.startsWith("[") ? [text] : text.split("\n").filter((l) => l.startsWith("data: ") && l.length > 6).map((l) => l.slice(6)))
      .flatMap((l) => [JSON.parse(l)].flat());
    return { res, replies: replies.filter((m) => m.id !== undefined) };
  };

  it("a batch of 40 on a 30/min key: 30 calls run, 10 are refused one by one, and the headers count all 40", async () => {
    await awayFromMinuteEnd();
    const small = await batch((await appKey(app, uniqueEmail("batch5"))).key, 5);
    expect(small.res.status).toBe(200);
    expect(small.replies).toHaveLength(5);
    expect(small.replies.every((m) => m.result && !m.result.isError)).toBe(true);
    expect(small.res.headers.get("x-ratelimit-remaining")).toBe("25");

    const { key } = await appKey(app, uniqueEmail("batch40"));
    const big = await batch(key, 40);
    expect(big.res.status).toBe(200);
    expect(big.replies).toHaveLength(40);
    const ok = big.replies.filter((m) => m.result && !m.result.isError);
    const refused = big.replies.filter((m) => m.result?.isError);
    expect(ok).toHaveLength(30);
    expect(refused).toHaveLength(10);
    for (const m of refused) expect(m.result.content[0].text).toMatch(/^Rate limit reached: this API key may make 30 requests per minute/);
    expect(big.res.headers.get("x-ratelimit-limit")).toBe("30");
    expect(big.res.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(big.res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await callApp(app, "/api/v1/credits", { key })).status).toBe(429);
  });
});
