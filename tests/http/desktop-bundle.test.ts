import fs from "node:fs";
import type { AddressInfo } from "node:net";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client, StreamableHTTPClientTransport, type CallToolResult, type Tool } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { startGatedOpenAi, type GatedOpenAi } from "../helpers/mcp-gated-openai";
import { connectMcp, textOf, type McpTestClient, type Progress } from "../helpers/mcp-clients";

/**
 * The desktop extension as Claude Desktop runs it: downloaded from the dashboard's link,
 * unpacked, its server spawned with `node` over stdio and the extension's settings as
 * environment variables, talking to a running Pixola through /api/v1.
 */
describe("the .mcpb desktop extension against a running Pixola", () => {
  let gate: GatedOpenAi;
  let app: AppServer;
  let key: string;
  let hosted: McpTestClient;
  let unpacked: string;
  let archiveBytes: number;
  const open: Client[] = [];

  async function spawnBundle(env: Record<string, string>, cwd = fs.mkdtempSync(path.join(os.tmpdir(), "px-cwd-"))) {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.join(unpacked, "server", "index.js")],
      env: { PATH: process.env.PATH ?? "", PIXOLA_BASE_URL: app.url, PIXOLA_API_KEY: key, ...env },
      cwd,
      stderr: "pipe",
    });
    const client = new Client({ name: "claude-desktop-like", version: "1.0.0" });
    await client.connect(transport);
    open.push(client);
    const call = async (name: string, args: Record<string, unknown>, onprogress?: (p: Progress) => void) =>
      (await client.callTool({ name, arguments: args }, { onprogress, timeout: 60_000 })) as CallToolResult;
    return { client, call, cwd };
  }
  const rest = async (p: string, k = key) => fetch(`${app.url}/api/v1${p}`, { headers: { authorization: `Bearer ${k}` } });
  const newKey = async (email: string) => {
    const res = await fetch(`${app.url}/api/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    return (await res.json()).key as string;
  };

  beforeAll(async () => {
    gate = await startGatedOpenAi();
    app = await startAppServer({ OPENAI_API_KEY: "sk-test-provider", OPENAI_BASE_URL: gate.url, DEFAULT_MODEL: "procedural", RATE_LIMIT: "off" });
    key = await newKey("desktop@example.com");
    hosted = await connectMcp("client 2.x 2026-07-28", `${app.url}/mcp`, key);

    const res = await fetch(`${app.url}/downloads/pixola.mcpb`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="pixola.mcpb"');
    const archive = new Uint8Array(await res.arrayBuffer());
    archiveBytes = archive.byteLength;
    unpacked = fs.mkdtempSync(path.join(os.tmpdir(), "px-mcpb-"));
    for (const [name, bytes] of Object.entries(unzipSync(archive))) {
      fs.mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
      fs.writeFileSync(path.join(unpacked, name), bytes);
    }
  }, 120_000);
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => {});
    await hosted?.close();
    await app?.stop();
    await gate?.close();
  });

  it("is served with this instance's URL as the default Pixola URL, with no node_modules inside", () => {
    console.log(`served pixola.mcpb: ${archiveBytes} bytes`);
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "manifest.json"), "utf8"));
    expect(manifest.user_config.base_url.default).toBe(app.url);
    expect(fs.readdirSync(unpacked).sort()).toEqual(["icon.png", "manifest.json", "server"]);
    expect(fs.readdirSync(path.join(unpacked, "server")).sort()).toEqual(["index.js", "package.json"]);
  });

  it("lists exactly /mcp's tools: the same names, descriptions and input schemas", async () => {
    const { client } = await spawnBundle({});
    const strip = (tools: Tool[]) =>
      tools.map((t) => ({ name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema })).sort((a, b) => a.name.localeCompare(b.name));
    const local = (await client.listTools()).tools;
    expect(local).toHaveLength(8);
    expect(strip(local)).toEqual(strip(await hosted.listTools()));
  });

  it("serves the same MCP Apps views as /mcp, the tools naming them alike, images allowed from the app's origin", async () => {
    const { client } = await spawnBundle({});
    const hostedClient = new Client({ name: "apps-probe", version: "1.0.0" });
    await hostedClient.connect(new StreamableHTTPClientTransport(new URL(`${app.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
    open.push(hostedClient);
    const metaOf = (tools: Tool[]) => Object.fromEntries(tools.map((t) => [t.name, t._meta ?? null]));
    expect(metaOf((await client.listTools()).tools)).toEqual(metaOf((await hostedClient.listTools()).tools));
    const uris = (await client.listResources()).resources.map((r) => r.uri).sort();
    expect(uris).toEqual((await hostedClient.listResources()).resources.map((r) => r.uri).sort());
    expect(uris).toHaveLength(5);
    for (const uri of uris) {
      const [local, served] = await Promise.all([client.readResource({ uri }), hostedClient.readResource({ uri })]);
      expect(local).toEqual(served);
      expect((local.contents[0] as { _meta?: unknown })._meta).toMatchObject({ ui: { csp: { resourceDomains: [app.url] } } });
    }
  });

  it("generate_image works end to end with progress, a preview, and the image on REST", async () => {
    const { call } = await spawnBundle({});
    const progress: Progress[] = [];
    const r = await call("generate_image", { prompt: "a lighthouse at dusk", shape: "landscape-wide", style: "watercolor" }, (p) => progress.push(p));
    console.log(`generate_image over stdio:\n${textOf(r)}\nprogress: ${JSON.stringify(progress)}`);
    expect(r.isError).toBeFalsy();
    const s = r.structuredContent as any;
    expect(s).toMatchObject({ completed: true, status: "succeeded", model: "procedural", style: "watercolor", shape: "landscape-wide" });
    expect(progress.at(0)?.message).toMatch(/^Submitted batch bat_\w+: 0 of 1 image ready$/);
    expect(progress.at(-1)).toMatchObject({ progress: 1, total: 1, message: "1 of 1 image ready" });
    const blocks = r.content.filter((c) => c.type === "image") as Array<{ data: string; mimeType: string }>;
    expect(blocks).toHaveLength(1);
    expect(blocks[0].mimeType).toBe("image/webp");
    const meta = await sharp(Buffer.from(blocks[0].data, "base64")).metadata();
    expect(s.images[0].preview).toEqual({ width: meta.width, height: meta.height, mimeType: "image/webp" });
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(512);
    expect(s.images[0]).not.toHaveProperty("localPath");

    const onRest = await rest(`/images/${s.images[0].imageId}`);
    expect(onRest.status).toBe(200);
    expect(await onRest.json()).toMatchObject({ imageId: s.images[0].imageId, batchId: s.batchId, status: "succeeded" });
  });

  it("with a download folder, saves the full-size files there and nowhere else", async () => {
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "px-dl-")), "Pixola images");
    const { call, cwd } = await spawnBundle({ PIXOLA_DOWNLOAD_FOLDER: folder });
    const r = await call("generate_image", { prompt: "two boats", count: 2 });
    const s = r.structuredContent as any;
    const expected = s.images.map((i: { imageId: string }) => `${i.imageId}.png`).sort();
    expect(fs.readdirSync(folder).sort()).toEqual(expected);
    for (const img of s.images) {
      expect(img.localPath).toBe(path.join(folder, `${img.imageId}.png`));
      expect(textOf(r)).toContain(`Saved to ${img.localPath}`);
      const original = Buffer.from(await (await fetch(img.url)).arrayBuffer());
      expect(fs.readFileSync(img.localPath).equals(original)).toBe(true);
    }
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(fs.readdirSync(unpacked).sort()).toEqual(["icon.png", "manifest.json", "server"]);

    fs.rmSync(s.images[0].localPath);
    const again = await call("get_image", { imageId: s.images[0].imageId });
    expect((again.structuredContent as any).localPath).toBe(s.images[0].localPath);
    expect(fs.existsSync(s.images[0].localPath)).toBe(true);
  });

  it("a wrong key is a tool error that says how to fix it", async () => {
    const { call } = await spawnBundle({ PIXOLA_API_KEY: "pxk_thisIsNotAValidKeyAtAll000000000000" });
    const r = await call("check_credits", {});
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/^Pixola did not accept the API key: Invalid API key: it is malformed, unknown or revoked\. Create a key at http:\/\/127\.0\.0\.1:\d+\/settings\/api-keys/);
  });

  it("an unreachable Pixola URL is a tool error, not a crash or a hang", async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const { client, call } = await spawnBundle({ PIXOLA_BASE_URL: `http://127.0.0.1:${closed}` });
    const started = Date.now();
    const r = await call("generate_image", { prompt: "nowhere" });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.isError).toBe(true);
    expect(textOf(r)).toBe(`Could not reach Pixola at http://127.0.0.1:${closed} (ECONNREFUSED). Check the Pixola URL in the extension's settings and that the server is running.`);
    // Still serving: the next call is answered too.
    expect((await client.listTools()).tools).toHaveLength(8);
  });

  it("a batch slower than MCPB_WAIT_SECONDS hands back its id in time; get_batch with waitSeconds returns it finished", async () => {
    const { call } = await spawnBundle({ MCPB_WAIT_SECONDS: "2" });
    gate.hold();
    const started = Date.now();
    const r = await call("generate_image", { prompt: "a slow one", model: "gpt-image-1-mini" });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(1_900);
    expect(waited).toBeLessThan(8_000);
    const s = r.structuredContent as any;
    expect(s.completed).toBe(false);
    expect(textOf(r)).toContain(`Call get_batch with batchId "${s.batchId}"`);

    setTimeout(() => gate.release(), 1_000);
    const polled = Date.now();
    const done = await call("get_batch", { batchId: s.batchId, waitSeconds: 15 });
    expect(Date.now() - polled).toBeLessThan(12_000);
    expect(done.structuredContent).toMatchObject({ batchId: s.batchId, status: "succeeded", creditsCharged: 10 });
  });

  describe("long-polling GET /api/v1/batches/{id}?wait=N", () => {
    const until = async (done: () => boolean) => {
      const deadline = Date.now() + 20_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error("timed out");
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    it("answers as soon as the batch changes: a render that finishes after 2 s answers wait=10 in about 2 s", async () => {
      gate.hold();
      const before = gate.received();
      const submitted = await fetch(`${app.url}/api/v1/generate`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ prompt: "held for two seconds", model: "gpt-image-1-mini" }),
      });
      const { batchId } = await submitted.json();
      await until(() => gate.received() > before); // the image is running at the provider
      expect((await (await rest(`/batches/${batchId}`)).json()).images[0].status).toBe("running");
      setTimeout(() => gate.release(), 2_000);
      const started = Date.now();
      const res = await rest(`/batches/${batchId}?wait=10`);
      const took = Date.now() - started;
      expect(res.status).toBe(200);
      expect((await res.json()).status).toBe("succeeded");
      console.log(`wait=10 on a batch finishing after 2 s answered in ${took} ms`);
      expect(took).toBeGreaterThanOrEqual(1_500);
      expect(took).toBeLessThan(6_000);
      // A finished batch answers at once.
      const again = Date.now();
      expect((await rest(`/batches/${batchId}?wait=10`)).status).toBe(200);
      expect(Date.now() - again).toBeLessThan(2_000);
    });

    it("a missing or another user's batch is 404 at once; a bad wait is 400 with what is accepted", async () => {
      const other = await newKey("other-desktop@example.com");
      const mine = await (await fetch(`${app.url}/api/v1/generate`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ prompt: "mine" }),
      })).json();
      for (const [id, k] of [["bat_doesNotExist000000000", key], [mine.batchId, other]] as const) {
        const started = Date.now();
        const res = await rest(`/batches/${id}?wait=10`, k);
        expect(res.status).toBe(404);
        expect(Date.now() - started).toBeLessThan(2_000);
        expect((await res.json()).error).toMatchObject({ code: "not_found", message: `Batch '${id}' was not found.` });
      }
      for (const bad of ["abc", "31", "-1", ""]) {
        const res = await rest(`/batches/${mine.batchId}?wait=${bad}`);
        expect(res.status, bad).toBe(400);
        expect((await res.json()).error.message).toBe("wait must be a number of seconds from 0 to 30, e.g. wait=10.");
      }
    });
  });
});
