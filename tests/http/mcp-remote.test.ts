import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../helpers/chromium";
import { waitFor } from "../helpers/wait-for";
import { approveInBrowser } from "../helpers/oauth-client";
import { artifactDir } from "../helpers/screenshots";
import { baseUrl } from "./client";

const CLIENT = path.resolve("node_modules/mcp-remote/dist/client.js");

/**
 * mcp-remote 0.15.1, the bridge Claude Desktop users run, against Pixola's OAuth: its
 * `mcp-remote-client` binary discovers, registers and prints the authorization URL; Debian's
 * Chromium (through Playwright) signs up and consents; mcp-remote's loopback callback takes the
 * code (`--host 127.0.0.1`, as its README documents), exchanges it and lists the tools.
 */
describe("mcp-remote 0.15.1 completes the OAuth flow against Pixola", () => {
  let browser: Browser;
  let child: ChildProcess;
  let output = "";
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-mcp-remote-"));

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--disable-gpu"] });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGTERM");
    await browser?.close();
    fs.rmSync(configDir, { recursive: true, force: true });
  });

  it("discovers, registers, takes the browser's consent on its loopback callback, then lists the tools", async () => {
    child = spawn(process.execPath, [CLIENT, `${baseUrl()}/mcp`, "--host", "127.0.0.1", "--debug"], {
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH,
        HOME: configDir,
        MCP_REMOTE_CONFIG_DIR: configDir,
        // xdg-open honours $BROWSER: `true` stands in for the desktop browser, which Playwright replaces.
        BROWSER: "true",
      },
      // stdin stays open: mcp-remote shuts down when it ends, as when its host quits.
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));

    const authUrl = await waitFor(() => /Please authorize this client by visiting:\s*(\S+)/.exec(output)?.[1], { timeoutMs: 60_000, what: "mcp-remote's authorization URL" }).catch(
      (err: Error) => Promise.reject(new Error(`${err.message}\n${output}`)),
    );
    const url = new URL(authUrl);
    expect(url.origin + url.pathname).toBe(`${baseUrl()}/api/auth/oauth2/authorize`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const callbackUrl = url.searchParams.get("redirect_uri")!;
    expect(callbackUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);

    const page = await (await browser.newContext()).newPage();
    await approveInBrowser(page, authUrl, { email: `mcp-remote-${Date.now()}@example.com`, signUp: true }, { callbackUrl, screenshots: "mcp-remote" });

    await waitFor(() => output.includes("Exiting OK") || undefined, { timeoutMs: 60_000, what: "mcp-remote to list the tools" }).catch((err: Error) => {
      fs.writeFileSync(path.join(os.tmpdir(), "mcp-remote-failure.log"), output);
      return Promise.reject(new Error(`${err.message}\n${output.slice(-4000)}`));
    });
    expect(output).toContain("Connected successfully!");
    for (const tool of ["generate_image", "list_images", "check_credits"]) expect(output).toContain(`"${tool}"`);

    // Keep what mcp-remote did (discovery, registration, token exchange) next to the screenshots.
    const debug = fs.readdirSync(configDir, { recursive: true }).map(String).filter((f) => f.endsWith("_debug.log"));
    const log = debug.map((f) => fs.readFileSync(path.join(configDir, f), "utf8")).join("\n");
    fs.writeFileSync(path.join(artifactDir("screenshots"), "mcp-remote-output.log"), `${output}\n\n--- debug log ---\n${log}`);
  }, 180_000);
});
