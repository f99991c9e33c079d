import type { CallToolResult, Tool } from "@modelcontextprotocol/client";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_KINDS, connectMcp, outputSchemaErrors, textOf, type McpTestClient, type Progress } from "../helpers/mcp-clients";
import { baseUrl, call, newKey } from "./client";

const TOOLS = ["check_credits", "generate_image", "get_batch", "get_image", "list_images", "list_models", "list_shapes", "list_styles"];
const READ_ONLY = TOOLS.filter((t) => t !== "generate_image");
const EXPECTED_VERSION = { "client 2.x legacy": "2025-11-25", "client 2.x 2026-07-28": "2026-07-28", "sdk 1.32": "2025-11-25" };

describe.each(CLIENT_KINDS)("MCP over HTTP with %s", (kind) => {
  let key: string;
  let mcp: McpTestClient;
  let tools: Tool[];

  /** Calls a tool; a successful result must match the tool's listed outputSchema. */
  async function ok(name: string, args: Record<string, unknown> = {}, opts?: { onprogress?: (p: Progress) => void }) {
    const r = await mcp.callTool(name, args, opts);
    expect(r.isError, textOf(r)).toBeFalsy();
    expect(outputSchemaErrors(tools, name, r)).toBeUndefined();
    return r as CallToolResult & { structuredContent: any };
  }
  async function fails(name: string, args: Record<string, unknown>) {
    const r = await mcp.callTool(name, args);
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toBeUndefined();
    return textOf(r);
  }

  beforeAll(async () => {
    ({ key } = await newKey());
    mcp = await connectMcp(kind, `${baseUrl()}/mcp`, key);
    tools = await mcp.listTools();
  });
  afterAll(() => mcp?.close());

  it("negotiates the expected protocol revision", () => {
    expect(mcp.protocolVersion).toBe(EXPECTED_VERSION[kind]);
  });

  it("lists exactly the eight tools, each with a title, a description, input and output schemas and honest annotations", () => {
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const t of tools) {
      expect(t.title, t.name).toBeTruthy();
      expect(t.description!.length, t.name).toBeGreaterThan(80);
      expect(t.inputSchema.type).toBe("object");
      expect(t.outputSchema?.type).toBe("object");
    }
    for (const name of READ_ONLY) expect(tools.find((t) => t.name === name)!.annotations).toMatchObject({ readOnlyHint: true });
    const gen = tools.find((t) => t.name === "generate_image")!;
    expect(gen.annotations).toEqual({ readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true });
    expect(Object.keys(gen.inputSchema.properties!).sort()).toEqual(["count", "idempotency_key", "model", "prompt", "quality", "seed", "shape", "style"]);
    expect(gen.inputSchema.required).toEqual(["prompt"]);
    expect(JSON.stringify(gen.inputSchema)).toMatch(/list_styles/);
    expect(tools.find((t) => t.name === "get_batch")!.inputSchema.required).toEqual(["batchId"]);
  });

  it("list_models, list_styles and list_shapes answer what REST answers, with readable text", async () => {
    for (const [tool, path, sample] of [
      ["list_models", "/api/v1/models", "procedural"],
      ["list_styles", "/api/v1/styles", "watercolor"],
      ["list_shapes", "/api/v1/shapes", "landscape-wide"],
    ] as const) {
      const r = await ok(tool);
      expect(r.structuredContent).toEqual((await call(path)).body);
      expect(textOf(r)).toContain(sample);
    }
  });

  it("check_credits shows the balance and plan", async () => {
    const r = await ok("check_credits");
    expect(r.structuredContent).toEqual({
      balance: 1000,
      plan: { slug: "free", name: "Free", monthlyCredits: 1000 },
      recentEntries: [expect.objectContaining({ kind: "grant", amount: 1000, balanceAfter: 1000, batchId: null })],
    });
    expect(textOf(r)).toBe("Balance: 1000 credits. Plan: Free (1000 credits a month).");
  });

  describe("generate_image, then the read tools on its batch", () => {
    let gen: Awaited<ReturnType<typeof ok>>;
    const progress: Progress[] = [];

    beforeAll(async () => {
      gen = await ok(
        "generate_image",
        { prompt: "a lighthouse on a cliff at dusk", style: "watercolor", shape: "landscape-wide", count: 2, seed: 11 },
        { onprogress: (p) => progress.push(p) },
      );
    });

    it("waits for the images and returns absolute URLs, sizes, model, style, credits and balance", async () => {
      const s = gen.structuredContent;
      expect(s).toMatchObject({ status: "succeeded", completed: true, model: "procedural", style: "watercolor", shape: "landscape-wide" });
      expect(s).toMatchObject({ creditsCharged: 2, creditsRefunded: 0, balance: 998 });
      expect(s.images).toHaveLength(2);
      for (const img of s.images) {
        expect(img).toMatchObject({ status: "succeeded", width: 1344, height: 756, model: "procedural", style: "watercolor", error: null });
        expect(img.url).toMatch(new RegExp(`^${baseUrl()}/files/${s.batchId}/`));
        expect(textOf(gen)).toContain(img.url);
        const file = await fetch(img.url);
        expect(file.status).toBe(200);
        const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(["png", 1344, 756]);
      }
      expect(textOf(gen)).toMatch(/Charged 2 credits; 998 credits left\./);
    });

    it("sends progress notifications: one at submit and one per finished image, increasing, with messages", () => {
      expect(progress.map((p) => p.progress)).toEqual([0, 1, 2]);
      for (const p of progress) expect(p.total).toBe(2);
      expect(progress[0].message).toMatch(/^Submitted batch bat_\w+: 0 of 2 images ready$/);
      expect(progress.at(-1)!.message).toBe("2 of 2 images ready");
    });

    it("adds one inline WebP preview per image, at most 512 px and of the size it states", async () => {
      const blocks = gen.content.filter((c) => c.type === "image") as { data: string; mimeType: string }[];
      expect(blocks).toHaveLength(2);
      for (const [i, block] of blocks.entries()) {
        expect(block.mimeType).toBe("image/webp");
        const meta = await sharp(Buffer.from(block.data, "base64")).metadata();
        expect(meta.format).toBe("webp");
        expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(512);
        expect({ width: meta.width, height: meta.height, mimeType: "image/webp" }).toEqual(gen.structuredContent.images[i].preview);
      }
    });

    it("is the same batch over REST with the same key, and the credits match on both surfaces", async () => {
      const rest = await call(`/api/v1/batches/${gen.structuredContent.batchId}`, { key });
      expect(rest.status).toBe(200);
      expect(rest.body).toMatchObject({ status: "succeeded", creditsCharged: gen.structuredContent.creditsCharged, creditsRefunded: 0 });
      expect(rest.body.images.map((i: { imageId: string }) => i.imageId)).toEqual(gen.structuredContent.images.map((i: { imageId: string }) => i.imageId));
      expect((await call("/api/v1/credits", { key })).body.balance).toBe(gen.structuredContent.balance);
      expect((await ok("check_credits")).structuredContent.balance).toBe(gen.structuredContent.balance);
    });

    it("get_batch returns the batch as REST does", async () => {
      const { batchId } = gen.structuredContent;
      const r = await ok("get_batch", { batchId });
      expect(r.structuredContent).toEqual((await call(`/api/v1/batches/${batchId}`, { key })).body);
      expect(textOf(r)).toMatch(new RegExp(`^Batch ${batchId} is succeeded: 2 of 2 images finished\\.`));
    });

    it("list_images lists the images newest first and pages with nextCursor", async () => {
      const ids = gen.structuredContent.images.map((i: { imageId: string }) => i.imageId);
      const all = await ok("list_images", {});
      expect(all.structuredContent.images.map((i: { imageId: string }) => i.imageId).sort()).toEqual([...ids].sort());
      expect(all.structuredContent.nextCursor).toBeNull();
      const first = await ok("list_images", { limit: 1 });
      expect(first.structuredContent.images).toHaveLength(1);
      expect(textOf(first)).toContain(`cursor "${first.structuredContent.nextCursor}"`);
      const second = await ok("list_images", { limit: 1, cursor: first.structuredContent.nextCursor });
      expect(second.structuredContent.nextCursor).toBeNull();
      expect([first, second].map((p) => p.structuredContent.images[0].imageId)).toEqual(all.structuredContent.images.map((i: { imageId: string }) => i.imageId));
    });

    it("get_image returns an image's details and a fresh URL", async () => {
      const imageId = gen.structuredContent.images[0].imageId;
      const r = await ok("get_image", { imageId });
      expect(r.structuredContent).toMatchObject({ imageId, status: "succeeded", prompt: "a lighthouse on a cliff at dusk", seed: 11, mimeType: "image/png" });
      expect(r.structuredContent).toEqual((await call(`/api/v1/images/${imageId}`, { key })).body);
      expect(textOf(r)).toContain(r.structuredContent.url);
    });
  });

  describe("error paths come back as tool errors the model can act on", () => {
    it("generate_image: unknown style, model or shape name the valid slugs", async () => {
      expect(await fails("generate_image", { prompt: "x", style: "vaporwave-deluxe" })).toMatch(/^Unknown style 'vaporwave-deluxe'\. Valid styles: no-style, .*watercolor/);
      expect(await fails("generate_image", { prompt: "x", model: "nope" })).toMatch(/^Unknown model 'nope'\. Available models: procedural/);
      expect(await fails("generate_image", { prompt: "x", shape: "hexagon" })).toMatch(/^Unknown shape 'hexagon'\. Valid shapes: square, .*portrait-tall/);
    });

    it("generate_image: insufficient credits states the cost and the balance, and charges nothing", async () => {
      const before = (await ok("check_credits")).structuredContent.balance;
      const text = await fails("generate_image", { prompt: "x", model: "gpt-image-2", quality: "hd", count: 4 });
      expect(text).toBe(`This generation costs 1016 credits but your balance is ${before}. Lower the count or quality, pick a cheaper model, or add credits.`);
      expect((await ok("check_credits")).structuredContent.balance).toBe(before);
    });

    it.each([
      [{ prompt: "x", count: 9 }, /count must be an integer from 1 to 4/],
      [{ prompt: "x", quality: "ultra" }, /quality must be one of: standard, hd/],
      [{ prompt: "   " }, /prompt must not be empty/],
      [{}, /prompt is required/],
      [{ prompt: "x", n: 2 }, /Unrecognized key.*"n"/],
    ])("generate_image rejects %j", async (args, message) => {
      expect(await fails("generate_image", args)).toMatch(message);
    });

    it("get_batch and get_image: an unknown id is not found", async () => {
      expect(await fails("get_batch", { batchId: "bat_doesNotExist0000000" })).toBe("Batch 'bat_doesNotExist0000000' was not found.");
      expect(await fails("get_image", { imageId: "img_doesNotExist0000000" })).toBe("Image 'img_doesNotExist0000000' was not found.");
      expect(await fails("get_batch", { batchId: "" })).toMatch(/batchId is required/);
      expect(await fails("get_image", {})).toMatch(/imageId/);
    });

    it("list_images: a bad limit or cursor says what is accepted", async () => {
      for (const limit of [0, 101, 1.5]) expect(await fails("list_images", { limit })).toMatch(/limit must be an integer from 1 to 100/);
      expect(await fails("list_images", { cursor: "not-a-cursor" })).toMatch(/cursor is not valid/);
    });

    it("an unknown tool is a JSON-RPC error", async () => {
      await expect(mcp.callTool("delete_everything", {})).rejects.toThrow(/delete_everything/);
    });
  });
});
