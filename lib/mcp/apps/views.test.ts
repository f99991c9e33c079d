import { gzipSync } from "node:zlib";
import { RESOURCE_MIME_TYPE, RESOURCE_URI_META_KEY } from "@modelcontextprotocol/ext-apps/server";
import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { McpServer } from "@modelcontextprotocol/server";
import { afterEach, describe, expect, it } from "vitest";
import { registerPixolaTools } from "../register-tools";
import { VIEW_NAMES, viewUri } from "./views";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function connect(imageOrigins?: () => Promise<string[]>) {
  const server = new McpServer({ name: "pixola", version: "test" });
  registerPixolaTools(server, () => Promise.reject(new Error("no tool is called here")), { waitMs: 1, inlineThumbnails: false, log: { info() {}, error() {} }, imageOrigins });
  const client = new Client({ name: "unit", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  close = async () => {
    await client.close();
    await server.close();
  };
  return client;
}

describe("the MCP Apps views as UI resources", () => {
  it("lists one ui://pixola resource per view, with the MCP Apps MIME type", async () => {
    const { resources } = await (await connect()).listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual(VIEW_NAMES.map(viewUri).sort());
    for (const r of resources) {
      expect(r.mimeType, r.uri).toBe("text/html;profile=mcp-app");
      expect(r.name && r.description, r.uri).toBeTruthy();
    }
    expect(RESOURCE_MIME_TYPE).toBe("text/html;profile=mcp-app");
  });

  it("reads each view as one self-contained HTML document under 150 KB gzipped, its CSP allowing exactly the image origins", async () => {
    const client = await connect(async () => ["https://images.example.com"]);
    for (const view of VIEW_NAMES) {
      const { contents } = await client.readResource({ uri: viewUri(view) });
      expect(contents).toHaveLength(1);
      const [c] = contents as Array<{ uri: string; mimeType: string; text: string; _meta: { ui: { csp: Record<string, string[]> } } }>;
      expect(c.uri).toBe(viewUri(view));
      expect(c.mimeType).toBe(RESOURCE_MIME_TYPE);
      expect(c.text).toMatch(/^<!doctype html>\s*<html lang="en">[\s\S]*<\/html>\s*$/i);
      expect(c.text).toMatch(/<script type="module"[^>]*>[\s\S]+<\/script>/);
      expect(c.text).toMatch(/<style[^>]*>[\s\S]+<\/style>/);
      // Nothing to fetch: no external script, stylesheet or module preload (the default CSP forbids them).
      expect(c.text).not.toMatch(/<script[^>]+src=|<link[^>]+rel="(stylesheet|modulepreload)"/);
      expect(c._meta.ui.csp).toEqual({ resourceDomains: ["https://images.example.com"] });
      const gz = gzipSync(c.text).length;
      console.log(`${view}.html: ${c.text.length} bytes, ${gz} gzipped`);
      expect(gz).toBeLessThan(150 * 1024);
    }
  });

  it("allows no image origin when the server names none", async () => {
    const { contents } = await (await connect()).readResource({ uri: viewUri("gallery") });
    expect((contents[0] as { _meta: unknown })._meta).toEqual({ ui: { csp: { resourceDomains: [] }, prefersBorder: false } });
  });

  it("names a view on exactly the five interactive tools, in both the current and the legacy key, each an existing resource", async () => {
    const client = await connect();
    const uris = new Set((await client.listResources()).resources.map((r) => r.uri));
    const { tools } = await client.listTools();
    const withView = Object.fromEntries(
      tools.flatMap((t) => {
        const meta = t._meta as { ui?: { resourceUri?: string }; [RESOURCE_URI_META_KEY]?: string } | undefined;
        if (!meta?.ui?.resourceUri) return [];
        expect(meta[RESOURCE_URI_META_KEY], t.name).toBe(meta.ui.resourceUri);
        expect(uris.has(meta.ui.resourceUri), meta.ui.resourceUri).toBe(true);
        return [[t.name, meta.ui.resourceUri]];
      }),
    );
    expect(withView).toEqual({
      generate_image: "ui://pixola/generate.html",
      list_models: "ui://pixola/models.html",
      check_credits: "ui://pixola/credits.html",
      list_images: "ui://pixola/gallery.html",
      get_image: "ui://pixola/viewer.html",
    });
  });
});
