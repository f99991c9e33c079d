import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAL_TEST_KEY, startFakeFal } from "../fixtures/fake-fal";
import type { FakeProvider } from "../fixtures/fake-provider";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { connectMcp, outputSchemaErrors, textOf, type McpTestClient } from "../helpers/mcp-clients";

/**
 * The README's example, "Generate a widescreen landscape image using FLUX 2 in watercolor style",
 * against an app configured with nothing but fal's key (FAL_BASE_URL pointing at the fal fake):
 * embedded PGlite, the worker in the web process. Over REST and over MCP.
 */
describe("a widescreen watercolor landscape with FLUX 2 (fal), over REST and MCP", () => {
  let fake: FakeProvider;
  let app: AppServer;
  let key: string;
  let mcp: McpTestClient;
  let styled: string;

  const ask = { prompt: "a widescreen landscape", model: "flux-2", style: "watercolor", shape: "landscape-wide" };
  const api = async (path: string, init: { method?: string; json?: unknown; auth?: boolean } = {}) => {
    const headers: Record<string, string> = init.auth === false ? {} : { authorization: `Bearer ${key}` };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${app.url}/api/v1${path}`, { method: init.method ?? (init.json === undefined ? "GET" : "POST"), headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
    return { status: res.status, body: await res.json() };
  };
  /** The fal request our adapter sent for the n-th submission. */
  const submitted = (n: number) =>
    fake.requests.filter((r) => r.method === "POST").at(n)!.body as { prompt: string; image_size: { width: number; height: number }; num_images: number; output_format: string };
  /** Downloads an image URL and returns its format and size as decoded. */
  const decode = async (url: string) => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    return { format: meta.format, width: meta.width, height: meta.height };
  };

  beforeAll(async () => {
    fake = await startFakeFal();
    app = await startAppServer({ ...fake.env });
    const issued = await fetch(`${app.url}/api/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "flux-example@example.com" }),
    });
    ({ key } = await issued.json());
    const watercolor = await api("/styles/watercolor");
    styled = (watercolor.body.prompt as string).replace("{prompt}", ask.prompt);
    mcp = await connectMcp("client 2.x 2026-07-28", `${app.url}/mcp`, key);
  }, 120_000);
  afterAll(async () => {
    await mcp?.close();
    await app?.stop();
    await fake?.close();
  });

  it("lists flux-2 as available and the default model: fal's key is the only one configured", async () => {
    const r = await api("/models", { auth: false });
    expect(r.status).toBe(200);
    expect(r.body.defaultModel).toBe("flux-2");
    expect(r.body.models.find((m: { slug: string }) => m.slug === "flux-2")).toMatchObject({ provider: "fal", available: true, default: true });
    expect(r.body.models.find((m: { slug: string }) => m.slug === "procedural")).toMatchObject({ available: true, default: false });
    const providers = new Set(r.body.models.filter((m: { available: boolean }) => m.available).map((m: { provider: string }) => m.provider));
    expect([...providers].sort()).toEqual(["embedded", "fal"]);
  });

  it("over REST: POST /generate, poll, and the image is Pixola's own PNG at 1344×756", async () => {
    const r = await api("/generate", { json: ask });
    expect(r.status).toBe(202);
    const { prompt: _, ...echoed } = ask; // the 202 echoes the options, not the prompt
    expect(r.body).toMatchObject({ ...echoed, status: "queued", count: 1, quality: "standard", creditsReserved: 15, balance: 985 });
    const deadline = Date.now() + 30_000;
    let batch = r.body;
    while (["queued", "running"].includes(batch.status) && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 200));
      batch = (await api(`/batches/${r.body.batchId}`)).body;
    }
    expect(batch).toMatchObject({ ...ask, status: "succeeded", creditsCharged: 15, creditsRefunded: 0 });

    expect(fake.submissions()).toBe(1);
    const sent = submitted(0);
    expect(sent).toMatchObject({ prompt: styled, image_size: { width: 1344, height: 756 }, num_images: 1, output_format: "png" });
    expect(sent.prompt).toBe(
      "a widescreen landscape, watercolor painting, soft translucent washes, wet-on-wet blooms, paper texture",
    );

    const [img] = batch.images;
    expect(img).toMatchObject({ status: "succeeded", mimeType: "image/png", width: 1344, height: 756, errorCode: null });
    expect(img.url.startsWith(`${app.url}/files/`)).toBe(true);
    expect(await decode(img.url)).toEqual({ format: "png", width: 1344, height: 756 });
    expect(fake.violations).toEqual([]);
  });

  it("over MCP: generate_image with the same arguments succeeds and returns a URL on the app", async () => {
    const r = await mcp.callTool("generate_image", ask);
    const text = textOf(r);
    console.log(`--- MCP tools/call generate_image ${JSON.stringify(ask)} ---\n${text}\n--- structuredContent ---\n${JSON.stringify(r.structuredContent, null, 2)}\n--- content types: ${r.content.map((c) => c.type).join(", ")} ---`);
    expect(r.isError).toBeFalsy();
    expect(outputSchemaErrors(await mcp.listTools(), "generate_image", r)).toBeUndefined();
    const s = r.structuredContent as any;
    expect(s).toMatchObject({ ...ask, completed: true, status: "succeeded", creditsCharged: 15, balance: 970 });
    const [img] = s.images;
    expect(img.url.startsWith(`${app.url}/files/`)).toBe(true);
    expect(text).toContain(img.url);
    expect(await decode(img.url)).toEqual({ format: "png", width: 1344, height: 756 });

    expect(fake.submissions()).toBe(2);
    expect(submitted(1)).toMatchObject({ prompt: styled, image_size: { width: 1344, height: 756 } });
    expect(fake.violations).toEqual([]);
  });

  it("sent the provider only the operator's fal key: never the user's Pixola key or identity", () => {
    const seen = JSON.stringify(fake.requests.map((r) => ({ headers: r.headers, url: r.url, body: r.raw.toString("utf8") })));
    expect(key).toMatch(/^pxk_/);
    expect(seen).not.toContain(key);
    expect(seen).not.toContain(key.slice(0, 12));
    expect(seen).not.toMatch(/pxk_|flux-example@example\.com/);
    expect(fake.requests.filter((r) => !r.url.startsWith("/_files/")).every((r) => r.headers.authorization === `Key ${FAL_TEST_KEY}`)).toBe(true);
  });
});
