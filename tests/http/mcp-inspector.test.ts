import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, newKey } from "./client";

const INSPECTOR = path.resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");

/** Runs the real MCP Inspector CLI (2.12) against the running app; it keeps its state under HOME. */
function inspector(home: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [INSPECTOR, "--cli", `${baseUrl()}/mcp`, "--transport", "http", "--format", "json", ...args],
      { env: { ...process.env, HOME: home }, encoding: "utf8", timeout: 90_000, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("MCP Inspector CLI against /mcp", { timeout: 120_000 }, () => {
  let home: string;
  let auth: string[];
  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-inspector-"));
    auth = ["--header", `Authorization: Bearer ${(await newKey()).key}`];
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it("lists the eight tools", async () => {
    const r = await inspector(home, [...auth, "--method", "tools/list"]);
    expect(r.code, r.stderr).toBe(0);
    const { result } = JSON.parse(r.stdout);
    expect(result.tools.map((t: { name: string }) => t.name).sort()).toEqual([
      "check_credits", "generate_image", "get_batch", "get_image", "list_images", "list_models", "list_shapes", "list_styles",
    ]);
  });

  it("calls generate_image and gets the images, their URLs and previews", async () => {
    const r = await inspector(home, [
      ...auth,
      "--method", "tools/call",
      "--tool-name", "generate_image",
      "--tool-arg", "prompt=a red fox in a snowy forest",
      "--tool-arg", "style=watercolor",
      "--tool-arg", "count=2",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const { result } = JSON.parse(r.stdout);
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ status: "succeeded", completed: true, style: "watercolor", creditsCharged: 2, balance: 998 });
    for (const img of result.structuredContent.images) expect(result.content[0].text).toContain(img.url);
    expect(result.content.filter((c: { type: string }) => c.type === "image")).toHaveLength(2);
  });

  it("works in the 2026-07-28 era too", async () => {
    const r = await inspector(home, [...auth, "--protocol-era", "modern", "--method", "tools/call", "--tool-name", "check_credits"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).result.structuredContent).toMatchObject({ balance: 998, plan: { slug: "free" } });
  });

  it("--app-info finds the five views, each resource readable with the MCP Apps MIME type and a CSP for the image origin", async () => {
    const r = await inspector(home, [...auth, "--advertise-apps", "--method", "tools/list", "--app-info"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l)).map((l) => l.appInfo ?? l);
    const apps = Object.fromEntries(lines.filter((l) => l.hasApp).map((l) => [l.toolName, l]));
    expect(Object.keys(apps).sort()).toEqual(["check_credits", "generate_image", "get_image", "list_images", "list_models"]);
    for (const info of Object.values(apps) as Array<Record<string, unknown>>) {
      expect(info.resourceError, String(info.toolName)).toBeUndefined();
      expect(info).toMatchObject({ resourceMimeType: "text/html;profile=mcp-app", csp: { resourceDomains: [new URL(baseUrl()).origin] } });
      expect(info.resourceUri).toMatch(/^ui:\/\/pixola\/\w+\.html$/);
    }
    expect(lines.filter((l) => !l.hasApp).map((l) => l.toolName).sort()).toEqual(["get_batch", "list_shapes", "list_styles"]);
  });

  it("exits with its auth code (3) for a bad key", async () => {
    const r = await inspector(home, ["--header", "Authorization: Bearer pxk_not_a_key", "--stored-auth-only", "--method", "tools/list"]);
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).toMatch(/auth_required/);
  });
});
