import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { McpServer } from "@modelcontextprotocol/server";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { registerPixolaTools } from "@/lib/mcp/register-tools";
import { buildBundle, type BundleResult } from "../../scripts/bundle";

/** The desktop extension as `npm run bundle` makes it: what went in, and what the archive holds. */
describe("the .mcpb bundle", () => {
  let bundle: BundleResult;
  const manifest = JSON.parse(fs.readFileSync("mcpb/manifest.json", "utf8"));

  beforeAll(async () => {
    bundle = await buildBundle(fs.mkdtempSync(path.join(os.tmpdir(), "pixola-bundle-")));
  }, 60_000);

  it("holds the tools and the SDK, but no database, image library, server framework or logger", () => {
    const packages = new Set(bundle.inputs.flatMap((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1] ?? []));
    // ext-apps: only its server helpers (registerAppTool, registerAppResource), a few hundred bytes.
    expect([...packages].sort()).toEqual(["@modelcontextprotocol/core", "@modelcontextprotocol/ext-apps", "@modelcontextprotocol/server", "zod"]);
    const ours = bundle.inputs.filter((i) => !i.includes("node_modules"));
    expect(ours).toContain("lib/mcp/tools/generate-image.ts");
    for (const forbidden of [/^db\//, /drizzle/, /postgres/, /pglite/, /sharp/, /next/, /lib\/mcp\/hosted\//, /lib\/log\.ts/, /lib\/runtime/]) {
      expect(ours.filter((i) => forbidden.test(i)), String(forbidden)).toEqual([]);
    }
  });

  it("is a valid manifest with the manifest, icon and entry point, and no node_modules", () => {
    const out = execFileSync(process.execPath, ["node_modules/@anthropic-ai/mcpb/dist/cli/cli.js", "validate", "mcpb/manifest.json"], { encoding: "utf8" });
    expect(out).toContain("Manifest schema validation passes!");
    const files = Object.keys(unzipSync(fs.readFileSync(bundle.archive))).sort();
    expect(files).toEqual(["icon.png", "manifest.json", "server/index.js", "server/package.json"]);
    expect(manifest.server.entry_point).toBe("server/index.js");
    expect(manifest.icon).toBe("icon.png");
    console.log(`pixola.mcpb: ${bundle.archiveBytes} bytes packed (server/index.js ${bundle.serverBytes} bytes)`);
    expect(bundle.archiveBytes).toBeLessThan(1024 * 1024);
  });

  it("declares the package's version, the settings the server reads, and the tools it registers", async () => {
    expect(manifest.version).toBe(JSON.parse(fs.readFileSync("package.json", "utf8")).version);
    expect(manifest.manifest_version).toBe("0.3");
    expect(manifest.user_config.api_key).toMatchObject({ type: "string", sensitive: true, required: true });
    expect(manifest.user_config.base_url).toMatchObject({ type: "string", required: true });
    expect(manifest.user_config.download_folder).toMatchObject({ type: "directory", required: false });
    expect(manifest.server.mcp_config.env).toEqual({
      PIXOLA_API_KEY: "${user_config.api_key}",
      PIXOLA_BASE_URL: "${user_config.base_url}",
      PIXOLA_DOWNLOAD_FOLDER: "${user_config.download_folder}",
    });
    const server = new McpServer({ name: "pixola", version: "test" });
    registerPixolaTools(server, () => Promise.reject(new Error("unused")), { waitMs: 1, inlineThumbnails: false, log: { info() {}, error() {} } });
    const client = new Client({ name: "unit", version: "1" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(a), client.connect(b)]);
    const registered = (await client.listTools()).tools.map((t) => t.name).sort();
    await client.close();
    expect(manifest.tools.map((t: { name: string }) => t.name).sort()).toEqual(registered);
  });
});
