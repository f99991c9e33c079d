import { describe, expect, it } from "vitest";
import { readMcpBody } from "./body-limit";
import { createPixolaMcpHandler } from "./handler";
import { jsonRpcMessages } from "./messages";

const ACCEPT = "application/json, text/event-stream";
const post = (body: string, type = "application/json") =>
  new Request("http://test.local/mcp", { method: "POST", headers: { "content-type": type, accept: ACCEPT }, body });

describe("/mcp body: read and parsed once", () => {
  it("parses a JSON body once and hands the same value to the checks", async () => {
    const read = await readMcpBody(post('[{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","method":"x"}]'), "req_t");
    expect(read).not.toBeInstanceOf(Response);
    const { parsed } = read as { parsed: unknown };
    expect(jsonRpcMessages(parsed).map((m) => m.method)).toEqual(["tools/list", "x"]);
  });

  it("answers a body that is not JSON with the JSON-RPC parse error, and one over the cap with 413", async () => {
    const bad = (await readMcpBody(post("{not json"), "req_t")) as Response;
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ jsonrpc: "2.0", error: { code: -32700, message: "Parse error: Invalid JSON" }, id: null });
    const big = (await readMcpBody(post(`"${"x".repeat(70_000)}"`), "req_t")) as Response;
    expect(big.status).toBe(413);
  });

  it("leaves another content type to the SDK (415), unparsed", async () => {
    expect(await readMcpBody(post("hello", "text/plain"), "req_t")).toEqual({ parsed: undefined });
  });

  it("the handler serves from the parsed body alone: the request's own body is already consumed", async () => {
    const handler = createPixolaMcpHandler(() => {
      throw new Error("tools/list needs no port");
    }, { waitMs: 1000, inlineThumbnails: false, log: { info() {}, error() {} } });
    const req = post('{"jsonrpc":"2.0","id":1,"method":"tools/list"}');
    const read = (await readMcpBody(req, "req_t")) as { parsed: unknown };
    expect(req.bodyUsed).toBe(true);
    const res = await handler(req, { parsedBody: read.parsed });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('"list_models"');
  });

  it("answers a 2025-era request as one JSON body, and streams (SSE) one that asked for progress", async () => {
    const handler = createPixolaMcpHandler(() => {
      throw new Error("no port needed");
    }, { waitMs: 1000, inlineThumbnails: false, log: { info() {}, error() {} } });
    const send = async (message: object) => {
      const req = post(JSON.stringify(message));
      const read = (await readMcpBody(req, "req_t")) as { parsed: unknown };
      return handler(req, { parsedBody: read.parsed });
    };
    const plain = await send({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect(plain.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await plain.json()).result.tools).toHaveLength(8);
    const batch = await send([{ jsonrpc: "2.0", id: 1, method: "tools/list" }, { jsonrpc: "2.0", id: 2, method: "ping" }]);
    expect((await batch.json()).map((m: { id: number }) => m.id).sort()).toEqual([1, 2]);
    const notification = await send({ jsonrpc: "2.0", method: "notifications/initialized" });
    expect(notification.status).toBe(202);
    const progress = await send({ jsonrpc: "2.0", id: 3, method: "tools/list", params: { _meta: { progressToken: "p1" } } });
    expect(progress.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await progress.text()).toMatch(/^event: message\ndata: \{.*"list_models"/m);
  });
});

describe("/mcp tool calls on pooled servers (the JSON exchange)", () => {
  const call = (id: number, signal?: AbortSignal) =>
    new Request("http://test.local/mcp", {
      method: "POST",
      headers: { "content-type": "application/json", accept: ACCEPT },
      body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "list_models", arguments: {} } }),
      signal,
    });
  const serve = async (handler: ReturnType<typeof createPixolaMcpHandler>, req: Request) =>
    handler(req, { parsedBody: await req.clone().json() });

  it("concurrent calls each get their own answer, and a call whose client hung up leaves nothing to the next", async () => {
    const hold = new Map<number, () => void>();
    let abandonedSignal: AbortSignal | undefined;
    const handler = createPixolaMcpHandler(
      (ctx) => ({
        requestId: `req_${ctx.mcpReq.id}`,
        async listModels() {
          const id = Number(ctx.mcpReq.id);
          // Callers finish out of order; id 999 waits until its client is gone.
          await new Promise<void>((resolve) => {
            if (id === 999) {
              abandonedSignal = ctx.mcpReq.signal;
              hold.set(id, resolve);
            }
            else setTimeout(resolve, (id * 7) % 11);
          });
          return { defaultModel: `model-${id}`, models: [] };
        },
      }) as never,
      { waitMs: 1000, inlineThumbnails: false, log: { info() {}, error() {} } },
    );
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => serve(handler, call(i + 1)).then((r) => r.json())));
    answers.forEach((a, i) => {
      expect(a.id).toBe(i + 1);
      expect(a.result.structuredContent.defaultModel).toBe(`model-${i + 1}`);
    });

    const gone = new AbortController();
    const abandoned = serve(handler, call(999, gone.signal));
    await expect.poll(() => hold.has(999)).toBe(true);
    gone.abort();
    // The exchange ends when its client goes, without waiting for the tool, whose signal aborts.
    await abandoned;
    expect(abandonedSignal?.aborted).toBe(true);
    hold.get(999)!();
    for (let i = 0; i < 5; i++) {
      const next = await (await serve(handler, call(1000 + i))).json();
      expect(next).toMatchObject({ id: 1000 + i, result: { structuredContent: { defaultModel: `model-${1000 + i}` } } });
    }
  });
});
