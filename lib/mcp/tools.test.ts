import { Client, InMemoryTransport, type CallToolResult } from "@modelcontextprotocol/client";
import { McpServer } from "@modelcontextprotocol/server";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import type { BatchView, ImageView } from "@/lib/generation/schemas";
import type { PixolaPort, ToolLog } from "./port";
import { registerPixolaTools } from "./register-tools";

/**
 * Every tool over the SDK's in-memory transport with a fake port: what the model reads
 * (text), what a program reads (structured content, checked against the output schema by
 * the client) and how long-polling, progress, previews and local copies are used.
 */

const silent: ToolLog = { info() {}, error() {} };
const now = "2026-11-30T12:00:00.000Z";

function image(i: number, status: ImageView["status"], over: Partial<ImageView> = {}): ImageView {
  return {
    imageId: `img_${i}`,
    batchId: "bat_1",
    status,
    title: "A lighthouse",
    prompt: "a lighthouse at dusk",
    model: "procedural",
    style: "watercolor",
    shape: "landscape-wide",
    quality: "standard",
    seed: 7 + i,
    width: 1344,
    height: 768,
    mimeType: status === "succeeded" ? "image/png" : null,
    bytes: status === "succeeded" ? 1234 : null,
    url: status === "succeeded" ? `https://pixola.test/files/img_${i}.png?sig=x` : null,
    previewUrl: status === "succeeded" ? `https://pixola.test/files/img_${i}-preview.webp?sig=x` : null,
    previewWidth: status === "succeeded" ? 512 : null,
    previewHeight: status === "succeeded" ? 293 : null,
    urlExpiresAt: status === "succeeded" ? now : null,
    error: status === "failed" ? "the provider refused" : null,
    errorCode: status === "failed" ? "provider_failed" : null,
    note: null,
    createdAt: now,
    completedAt: status === "succeeded" || status === "failed" ? now : null,
    ...over,
  };
}

function batch(statuses: ImageView["status"][]): BatchView {
  const settled = statuses.filter((s) => s === "succeeded" || s === "failed").length;
  const ok = statuses.filter((s) => s === "succeeded").length;
  const status: BatchView["status"] =
    settled < statuses.length ? (settled ? "running" : "queued") : ok === statuses.length ? "succeeded" : ok ? "partial" : "failed";
  return {
    batchId: "bat_1",
    status,
    prompt: "a lighthouse at dusk",
    model: "procedural",
    style: "watercolor",
    shape: "landscape-wide",
    quality: "standard",
    count: statuses.length,
    seed: 7,
    creditsReserved: 2 * statuses.length,
    creditsCharged: 2 * ok,
    creditsRefunded: statuses.filter((s) => s === "failed").length * 2,
    images: statuses.map((s, i) => image(i, s)),
    error: null,
    createdAt: now,
    completedAt: settled === statuses.length ? now : null,
  };
}

const preview = async () => {
  const bytes = new Uint8Array(await sharp({ create: { width: 512, height: 293, channels: 3, background: "#3a6" } }).webp().toBuffer());
  return { bytes, mimeType: "image/webp" as const, width: 512, height: 293 };
};

/** A port over fixed data; `steps` are the successive states getBatch hands out. */
const grant = { id: "led_1", kind: "grant" as const, amount: 100, balanceAfter: 100, batchId: null, imageId: null, note: "Free plan", prompt: null, createdAt: now };

function fakePort(steps: BatchView[], extra: Partial<PixolaPort> = {}) {
  const calls: { getBatch: Array<{ waitSeconds?: number }>; generate: unknown[] } = { getBatch: [], generate: [] };
  let step = 0;
  const port: PixolaPort = {
    requestId: "req_fake",
    listModels: async () => ({
      defaultModel: "procedural",
      models: [
        { slug: "procedural", name: "Procedural", description: "Offline", bestFor: "tests", tags: [], provider: "local", available: true, default: true, pricing: { standard: 2, hd: 4 } },
        { slug: "flux-2-pro", name: "FLUX.2 [pro]", description: "BFL", bestFor: "photos", tags: [], provider: "bfl", available: false, default: false, pricing: { standard: 8, hd: 12 } },
      ],
    }),
    listStyles: async () => ({
      defaultStyle: "no-style",
      categories: [{ category: "Art", styles: [{ slug: "watercolor", name: "Watercolor", category: "Art", description: "Soft", prompt: "{prompt}, watercolor", alias: [], image: "https://pixola.test/s.webp" }] }],
    }),
    listShapes: async () => ({
      defaultShape: "square",
      shapes: [{ slug: "landscape-wide", name: "Landscape wide", aspectRatio: "16:9", width: 1344, height: 768, description: "Wide" }],
    }),
    checkCredits: async () => ({ balance: 96, plan: { slug: "free", name: "Free", monthlyCredits: 100 }, recentEntries: [grant] }),
    async generate(input, idempotencyKey) {
      calls.generate.push({ input, idempotencyKey });
      const b = steps[0];
      return {
        batchId: b.batchId, status: "queued", model: b.model, style: b.style, shape: b.shape, quality: b.quality, count: b.count,
        seed: b.seed, width: 1344, height: 768, creditsReserved: b.creditsReserved, balance: 96, imageIds: b.images.map((i) => i.imageId),
        pollUrl: "https://pixola.test/api/v1/batches/bat_1",
      };
    },
    async getBatch(_id, wait) {
      calls.getBatch.push({ waitSeconds: wait?.waitSeconds });
      const b = steps[Math.min(step, steps.length - 1)];
      if (wait) step++;
      return b;
    },
    listImages: async () => ({ images: [image(0, "succeeded")], nextCursor: "cur_2" }),
    getImage: async (id) => {
      if (id !== "img_0") throw new DomainError("not_found", `Image '${id}' was not found.`);
      return image(0, "succeeded");
    },
    imagePreview: preview,
    ...extra,
  };
  return { port, calls };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function connect(port: PixolaPort, waitMs = 10_000) {
  const server = new McpServer({ name: "pixola", version: "test" });
  registerPixolaTools(server, () => port, { waitMs, inlineThumbnails: true, log: silent });
  const client = new Client({ name: "unit", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  close = async () => {
    await client.close();
    await server.close();
  };
  // Listing first lets the client check each result against the tool's output schema.
  const tools = (await client.listTools()).tools;
  const call = async (name: string, args: Record<string, unknown>, onprogress?: (p: { progress: number; message?: string }) => void) =>
    (await client.callTool({ name, arguments: args }, { onprogress })) as CallToolResult;
  return { tools, call };
}

const text = (r: CallToolResult) => r.content.flatMap((c) => (c.type === "text" ? [c.text] : [])).join("\n");

describe("Pixola's MCP tools over a port", () => {
  it("lists the eight tools, each with a title, a description and input and output schemas", async () => {
    const { tools } = await connect(fakePort([batch(["succeeded"])]).port);
    expect(tools.map((t) => t.name).sort()).toEqual(
      ["check_credits", "generate_image", "get_batch", "get_image", "list_images", "list_models", "list_shapes", "list_styles"],
    );
    for (const t of tools) {
      expect(t.title && t.description && t.inputSchema && t.outputSchema, t.name).toBeTruthy();
    }
  });

  it("catalog tools: list_models names the available ones with prices, list_styles and list_shapes their slugs", async () => {
    const { call } = await connect(fakePort([batch(["succeeded"])]).port);
    const models = await call("list_models", {});
    expect(text(models)).toContain("- procedural (Procedural): tests. 2 credits standard, 4 hd.");
    expect(text(models)).toMatch(/not available on this server.*flux-2-pro/);
    expect((models.structuredContent as { defaultModel: string }).defaultModel).toBe("procedural");
    expect(text(await call("list_styles", {}))).toContain("watercolor");
    expect(text(await call("list_shapes", {}))).toContain("landscape-wide");
  });

  it("check_credits reads the balance and plan", async () => {
    const r = await (await connect(fakePort([batch(["succeeded"])]).port)).call("check_credits", {});
    expect(text(r)).toBe("Balance: 96 credits. Plan: Free (100 credits a month).");
    expect(r.structuredContent).toEqual({ balance: 96, plan: { slug: "free", name: "Free", monthlyCredits: 100 }, recentEntries: [grant] });
  });

  it("generate_image long-polls the batch, reports progress per settled image, and returns URLs with previews", async () => {
    const { port, calls } = fakePort([batch(["queued", "queued"]), batch(["succeeded", "running"]), batch(["succeeded", "succeeded"])]);
    const { call } = await connect(port);
    const progress: Array<{ progress: number; message?: string }> = [];
    const r = await call("generate_image", { prompt: "a lighthouse at dusk", count: 2, idempotency_key: "k-1" }, (p) => progress.push(p));
    expect(r.isError).toBeFalsy();
    expect(calls.generate).toEqual([{ input: { prompt: "a lighthouse at dusk", count: 2 }, idempotencyKey: "k-1" }]);
    // The first read answers at once; every later one is a long-poll, not a sleep loop.
    expect(calls.getBatch[0].waitSeconds).toBeUndefined();
    expect(calls.getBatch.slice(1).every((c) => c.waitSeconds! > 0 && c.waitSeconds! <= 30)).toBe(true);
    expect(progress.map((p) => [p.progress, p.message])).toEqual([
      [0, "Submitted batch bat_1: 0 of 2 images ready"],
      [1, "1 of 2 images ready"],
      [2, "2 of 2 images ready"],
    ]);
    const s = r.structuredContent as { completed: boolean; images: Array<{ url: string; preview: unknown; localPath?: string }> };
    expect(s.completed).toBe(true);
    expect(s.images.map((i) => i.url)).toEqual(["https://pixola.test/files/img_0.png?sig=x", "https://pixola.test/files/img_1.png?sig=x"]);
    expect(s.images[0].preview).toEqual({ width: 512, height: 293, mimeType: "image/webp" });
    expect(s.images[0]).not.toHaveProperty("localPath");
    expect(r.content.filter((c) => c.type === "image")).toHaveLength(2);
    expect(text(r)).toContain("Charged 4 credits; 96 credits left.");
  });

  it("generate_image answers right after submitting when a view asks (request _meta io.pixola/submitOnly)", async () => {
    const { port, calls } = fakePort([batch(["queued", "queued"]), batch(["succeeded", "succeeded"])]);
    const server = new McpServer({ name: "pixola", version: "test" });
    registerPixolaTools(server, () => port, { waitMs: 10_000, inlineThumbnails: true, log: silent });
    const client = new Client({ name: "unit", version: "1" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(a), client.connect(b)]);
    close = async () => {
      await client.close();
      await server.close();
    };
    await client.listTools();
    const r = (await client.callTool({ name: "generate_image", arguments: { prompt: "p", count: 2 }, _meta: { "io.pixola/submitOnly": true } })) as CallToolResult;
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ batchId: "bat_1", completed: false, status: "queued" });
    // One read, no long-poll: the view follows the batch itself with get_batch.
    expect(calls.getBatch).toEqual([{ waitSeconds: undefined }]);
  });

  it("generate_image hands back the batch id when the wait bound passes, and get_batch waitSeconds long-polls it", async () => {
    const { port, calls } = fakePort([batch(["queued"])], {});
    const { call } = await connect(port, 300);
    const started = Date.now();
    const r = await call("generate_image", { prompt: "slow" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((r.structuredContent as { completed: boolean; batchId: string }).completed).toBe(false);
    expect(text(r)).toContain('Call get_batch with batchId "bat_1"');

    const before = calls.getBatch.length;
    const g = await call("get_batch", { batchId: "bat_1", waitSeconds: 12 });
    expect(calls.getBatch.slice(before)).toEqual([{ waitSeconds: 12 }]);
    expect(text(g)).toContain("Batch bat_1 is queued");
    const bad = await call("get_batch", { batchId: "bat_1", waitSeconds: 21 });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toContain("waitSeconds must be from 0 to 20");
  });

  it("saves local copies where the port can, and says where; a failed copy is reported, not fatal", async () => {
    const saved = fakePort([batch(["succeeded"])], { saveLocally: async (imgs) => Object.fromEntries(imgs.map((i) => [i.imageId, `/home/u/Pixola/${i.imageId}.png`])) });
    const { call } = await connect(saved.port);
    const r = await call("generate_image", { prompt: "keep it" });
    expect((r.structuredContent as { images: Array<{ localPath: string }> }).images[0].localPath).toBe("/home/u/Pixola/img_0.png");
    expect(text(r)).toContain("Saved to /home/u/Pixola/img_0.png");
    const g = await call("get_image", { imageId: "img_0" });
    expect((g.structuredContent as { localPath: string }).localPath).toBe("/home/u/Pixola/img_0.png");
    await close?.();

    const failing = fakePort([batch(["succeeded"])], { saveLocally: async () => Promise.reject(new Error("EACCES: permission denied")) });
    const r2 = await (await connect(failing.port)).call("generate_image", { prompt: "no room" });
    expect(r2.isError).toBeFalsy();
    expect(text(r2)).toContain("Could not save the files to the download folder: EACCES: permission denied");
  });

  it("list_images pages and get_image explains a missing image as a tool error the model can read", async () => {
    const { call } = await connect(fakePort([batch(["succeeded"])]).port);
    const list = await call("list_images", { limit: 1 });
    expect(text(list)).toContain("img_0");
    expect((list.structuredContent as { nextCursor: string }).nextCursor).toBe("cur_2");
    const one = await call("get_image", { imageId: "img_0" });
    expect(text(one)).toContain("Prompt: a lighthouse at dusk");
    const missing = await call("get_image", { imageId: "img_nope" });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toBe("Image 'img_nope' was not found.");
  });

  it("an unreachable server and a refused key read as tool errors that say what to fix", async () => {
    const down = fakePort([batch(["succeeded"])], { checkCredits: () => Promise.reject(new DomainError("unavailable", "Could not reach Pixola at https://x.test (ECONNREFUSED).")) });
    const r = await (await connect(down.port)).call("check_credits", {});
    expect(r.isError).toBe(true);
    expect(text(r)).toContain("Could not reach Pixola");
    await close?.();
    const refused = fakePort([batch(["succeeded"])], { listImages: () => Promise.reject(new DomainError("unauthorized", "Pixola did not accept the API key.")) });
    const r2 = await (await connect(refused.port)).call("list_images", {});
    expect(r2.isError).toBe(true);
    expect(text(r2)).toBe("Pixola did not accept the API key.");
  });
});
