import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { startGatedOpenAi, type GatedOpenAi } from "../helpers/mcp-gated-openai";
import { connectMcp, outputSchemaErrors, textOf, type McpTestClient, type Progress } from "../helpers/mcp-clients";

/**
 * An app of its own: a 5 s wait bound, inline previews off, and an image provider whose
 * answers the test holds back, so a generation can outlast the bound or the client.
 */
describe("generate_image's wait bound, a client that leaves, and previews turned off", () => {
  let gate: GatedOpenAi;
  let app: AppServer;
  let key: string;
  let mcp: McpTestClient;

  const rest = async (path: string) => (await fetch(`${app.url}/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } })).json();
  const until = async <T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const v = await read();
      if (done(v)) return v;
      if (Date.now() > deadline) throw new Error(`still waiting: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    gate = await startGatedOpenAi();
    app = await startAppServer({
      OPENAI_API_KEY: "sk-test-provider",
      OPENAI_BASE_URL: gate.url,
      DEFAULT_MODEL: "procedural",
      MCP_WAIT_SECONDS: "5",
      MCP_INLINE_THUMBNAILS: "off",
      RATE_LIMIT: "off",
    });
    const issued = await fetch(`${app.url}/api/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "wait@example.com" }),
    });
    ({ key } = await issued.json());
    mcp = await connectMcp("client 2.x 2026-07-28", `${app.url}/mcp`, key);
  }, 120_000);
  afterAll(async () => {
    await mcp?.close();
    await app?.stop();
    await gate?.close();
  });

  it("returns the batch id and status when the bound passes, and tells the model to call get_batch", async () => {
    gate.hold();
    const started = Date.now();
    const r = await mcp.callTool("generate_image", { prompt: "a slow one", model: "gpt-image-1-mini", count: 2 });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(4500);
    expect(waited).toBeLessThan(15_000);
    expect(r.isError).toBeFalsy();
    expect(outputSchemaErrors(await mcp.listTools(), "generate_image", r)).toBeUndefined();
    const s = r.structuredContent as any;
    expect(s).toMatchObject({ completed: false, status: expect.stringMatching(/^(queued|running)$/), creditsCharged: 0, balance: 980 });
    expect(s.images.every((i: { url: string | null }) => i.url === null)).toBe(true);
    expect(textOf(r)).toMatch(new RegExp(`Call get_batch with batchId "${s.batchId}"`));

    gate.release();
    const done = await until(
      () => mcp.callTool("get_batch", { batchId: s.batchId }),
      (b) => (b.structuredContent as any).status === "succeeded",
    );
    expect(done.structuredContent).toMatchObject({ creditsCharged: 20, creditsRefunded: 0 });
  });

  it("a client that disconnects does not cancel the paid batch: it completes and is listed", async () => {
    gate.hold();
    const before = gate.received();
    const abort = new AbortController();
    let batchId = "";
    const call = mcp.callTool(
      "generate_image",
      { prompt: "left behind", model: "gpt-image-1-mini" },
      {
        signal: abort.signal,
        onprogress: (p: Progress) => {
          batchId = /bat_\w+/.exec(p.message ?? "")?.[0] ?? batchId;
        },
      },
    );
    await until(async () => gate.received(), (n) => n > before && batchId !== "");
    abort.abort();
    await expect(call).rejects.toThrow();

    gate.release();
    const batch = await until(() => rest(`/batches/${batchId}`), (b) => b.status === "succeeded");
    expect(batch).toMatchObject({ creditsCharged: 10 });
    const listed = await mcp.callTool("list_images", {});
    expect((listed.structuredContent as any).images.map((i: { imageId: string }) => i.imageId)).toContain(batch.images[0].imageId);
  });

  it("sends no inline previews when MCP_INLINE_THUMBNAILS=off, and still gives the URLs", async () => {
    const r = await mcp.callTool("generate_image", { prompt: "a quick one", count: 2 });
    const s = r.structuredContent as any;
    expect(s.completed).toBe(true);
    expect(r.content.map((c) => c.type)).toEqual(["text"]);
    for (const img of s.images) {
      expect(img.preview).toBeNull();
      expect(textOf(r)).toContain(img.url);
    }
  });
});
