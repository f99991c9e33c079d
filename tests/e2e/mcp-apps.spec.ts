import http from "node:http";
import path from "node:path";
import { Client, StreamableHTTPClientTransport, type CallToolResult } from "@modelcontextprotocol/client";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { build } from "esbuild";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { saveScreenshot } from "../helpers/screenshots";
import { startGatedOpenAi, type GatedOpenAi } from "../helpers/mcp-gated-openai";

/**
 * The MCP Apps views in Chromium, each in an iframe of a test host page that connects it
 * through ext-apps' AppBridge; the host forwards the view's tool calls to a running app's /mcp
 * with a test key. The app is this file's own, with an OpenAI stand-in whose answers the test
 * holds back, so the generate form's progress can be seen. Ports: E2E_APPS_PORT and the next one.
 */
const APP_PORT = Number(process.env.E2E_APPS_PORT ?? 3601);
const HOST_PORT = APP_PORT + 1;
const VIEWS = { generate: "generate_image", models: "list_models", credits: "check_credits", gallery: "list_images", viewer: "get_image" } as const;
type ViewName = keyof typeof VIEWS;

let gate: GatedOpenAi;
let app: AppServer;
let mcp: Client;
let host: http.Server;
const html: Partial<Record<ViewName, { text: string; resourceDomains: string[] }>> = {};
let seeded: { imageId: string; width: number; height: number }[] = [];

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  gate = await startGatedOpenAi();
  app = await startAppServer(
    {
      OPENAI_API_KEY: "sk-test-provider",
      OPENAI_BASE_URL: gate.url,
      DEFAULT_MODEL: "procedural",
      RATE_LIMIT: "off",
      DATABASE_URL: process.env.E2E_APPS_DATABASE_URL,
    },
    { port: APP_PORT },
  );
  const issued = await fetch(`${app.url}/api/admin/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ email: `apps-${Date.now()}@example.com` }),
  });
  const { key } = await issued.json();
  mcp = new Client({ name: "pixola-apps-e2e", version: "1.0.0" });
  await mcp.connect(new StreamableHTTPClientTransport(new URL(`${app.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));

  // The views as the server hands them out, each served with the CSP a host derives from its _meta.
  for (const view of Object.keys(VIEWS) as ViewName[]) {
    const { contents } = await mcp.readResource({ uri: `ui://pixola/${view}.html` });
    const c = contents[0] as unknown as { text: string; _meta: { ui: { csp: { resourceDomains: string[] } } } };
    html[view] = { text: c.text, resourceDomains: c._meta.ui.csp.resourceDomains };
  }
  const hostJs = await build({ entryPoints: [path.resolve(import.meta.dirname, "apps-host/host.ts")], bundle: true, format: "iife", platform: "browser", write: false, logLevel: "warning" });
  host = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/host.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(hostJs.outputFiles[0].text);
    const view = /^\/view\/(\w+)\.html$/.exec(url.pathname)?.[1] as ViewName | undefined;
    if (view && html[view]) {
      const csp = `default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: ${html[view].resourceDomains.join(" ")}; media-src 'self' data:; connect-src 'none'`;
      return void res.writeHead(200, { "content-type": "text/html", "content-security-policy": csp }).end(html[view].text);
    }
    if (url.pathname === "/host.html") {
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          `<!doctype html><html><head><meta name="viewport" content="width=device-width"><style>body{margin:0;background:#fff}html[data-theme=dark] body{background:#18181b}iframe{display:block;width:100%;border:0;height:400px}</style></head><body><script src="/host.js"></script></body></html>`,
        );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => host.listen(HOST_PORT, "127.0.0.1", r));

  // Two finished images of different shapes for the gallery and the viewer.
  for (const shape of ["landscape-wide", "portrait-tall"]) {
    const r = (await mcp.callTool({ name: "generate_image", arguments: { prompt: `a lighthouse, ${shape}`, shape } }, { timeout: 60_000 })) as CallToolResult;
    const img = (r.structuredContent as { images: { imageId: string; width: number; height: number; status: string }[] }).images[0];
    expect(img.status).toBe("succeeded");
    seeded.push(img);
  }
});

test.afterAll(async () => {
  await mcp?.close();
  await new Promise((r) => (host ? host.close(r) : r(null)));
  await app?.stop();
  await gate?.close();
});

const exposed = new WeakSet<Page>();

/** Opens the test host and mounts a view; with `call`, the host plays the model's tool call first. */
async function mount(page: Page, view: ViewName, theme: "light" | "dark", call?: Record<string, unknown>): Promise<FrameLocator> {
  if (!exposed.has(page)) {
    exposed.add(page);
    await page.exposeFunction("pixolaCallTool", (params: { name: string; arguments?: Record<string, unknown> }) => mcp.callTool(params, { timeout: 120_000 }));
  }
  await page.goto(`http://127.0.0.1:${HOST_PORT}/host.html`);
  await page.evaluate(([src, t, c]) => window.mountView(src as string, t as "light" | "dark", c as never), [`/view/${view}.html`, theme, call ? { name: VIEWS[view], arguments: call } : undefined] as const);
  await expect(page.locator("body[data-ready=true]")).toBeAttached();
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("main")).not.toHaveAttribute("aria-busy", "true");
  return frame;
}

async function bothThemes(page: Page, view: ViewName, check: (frame: FrameLocator) => Promise<void>, call?: Record<string, unknown>) {
  for (const theme of ["light", "dark"] as const) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const frame = await mount(page, view, theme, call);
      await expect(frame.locator("html")).toHaveAttribute("data-theme", theme);
      await check(frame);
      await saveScreenshot(page, "apps", `${view}-${theme}-${width}`);
    }
  }
}

test("each view is served with a CSP that allows exactly the app's image origin", () => {
  for (const view of Object.keys(VIEWS) as ViewName[]) expect(html[view]!.resourceDomains, view).toEqual([app.url]);
});

test("the model catalog lists models with prices and availability, and filters", async ({ page }) => {
  await bothThemes(page, "models", async (frame) => {
    await expect(frame.getByRole("listitem", { name: "GPT Image 1 Mini" })).toContainText("10 credits per image · hd 40 credits");
    await expect(frame.getByRole("listitem", { name: "GPT Image 1 Mini" })).toContainText("Available");
    await expect(frame.getByRole("listitem", { name: "FLUX.2 [pro]" })).toContainText("Unavailable");
  });
  const frame = page.frameLocator("iframe");
  await frame.getByLabel("Search").fill("mini");
  await expect(frame.getByRole("listitem", { name: "GPT Image 1 Mini" })).toBeVisible();
  await expect(frame.getByRole("listitem", { name: "FLUX.2 [pro]" })).toHaveCount(0);
  await frame.getByLabel("Search").fill("");
  await frame.getByLabel("Provider").selectOption("bfl");
  await frame.getByLabel("Only models available now").check();
  await expect(frame.getByRole("status")).toHaveText(/^0 models of \d+$/);
});

test("the credits view shows the balance and plan the API reports", async ({ page }) => {
  const credits = ((await mcp.callTool({ name: "check_credits", arguments: {} })) as CallToolResult).structuredContent as { balance: number };
  await bothThemes(
    page,
    "credits",
    async (frame) => {
      await expect(frame.getByTestId("balance")).toHaveText(`${credits.balance.toLocaleString("en-US")} credits`);
      await expect(frame.getByTestId("plan")).toHaveText("Free · 1,000 credits a month");
      const history = frame.getByRole("table", { name: "Recent credit activity" });
      await expect(history).toContainText("Images generated: “a lighthouse, portrait-tall”");
      await expect(history.getByRole("row").last()).toContainText("Credits added");
    },
    {},
  );
});

test("the gallery shows the user's images as aspect-correct tiles that load", async ({ page }) => {
  await bothThemes(
    page,
    "gallery",
    async (frame) => {
      const tiles = frame.getByRole("listitem");
      await expect(tiles).toHaveCount(2);
      for (const img of await frame.locator("figure img").all()) {
        // The stored WebP preview, not the full-size file.
        expect(await img.getAttribute("src")).toMatch(/-preview\.webp/);
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
        const ratio = await img.evaluate((el: HTMLImageElement) => el.getBoundingClientRect().width / el.getBoundingClientRect().height);
        const natural = await img.evaluate((el: HTMLImageElement) => el.naturalWidth / el.naturalHeight);
        expect(Math.abs(ratio - natural)).toBeLessThan(0.02);
      }
      await expect(frame.getByRole("button", { name: "Older →" })).toBeDisabled();
    },
    { limit: 12 },
  );
});

test("the image viewer shows the image and its parameters, opens, downloads and makes variations", async ({ page }) => {
  const [first] = seeded;
  await bothThemes(
    page,
    "viewer",
    async (frame) => {
      await expect(frame.getByRole("heading", { level: 1 })).toContainText("lighthouse");
      const params = frame.getByLabel("Parameters");
      await expect(params).toContainText("procedural");
      await expect(params).toContainText(`landscape-wide (${first.width}×${first.height})`);
      await expect.poll(() => frame.locator("figure img").evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    },
    { imageId: first.imageId },
  );
  const frame = page.frameLocator("iframe");
  await frame.getByRole("button", { name: "Open" }).first().click();
  await frame.getByRole("button", { name: "Download" }).first().click();
  await expect.poll(() => page.evaluate(() => [window.hostEvents.openLinks.length, window.hostEvents.downloads.length])).toEqual([1, 1]);
  expect(await page.evaluate(() => window.hostEvents.openLinks[0])).toContain(app.url);
  await frame.getByRole("button", { name: "Make 2 variations" }).click();
  await expect(frame.getByRole("status")).toHaveText("2 of 2 variations ready.", { timeout: 30_000 });
  await expect(frame.getByRole("list", { name: "Variations" }).locator("img")).toHaveCount(2);
  await saveScreenshot(page, "apps", "viewer-variations");
});

test("the generate form shows the cost and balance, submits by keyboard, shows progress, then the images", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const frame = await mount(page, "generate", "light");
  await expect(frame.getByTestId("cost")).toContainText(/Costs 1 credit \(1 image × 1\)\. Your balance: \d+ credits\./);
  await frame.getByLabel("Prompt").fill("a red fox in the snow");
  await frame.getByLabel("Model").selectOption("gpt-image-1-mini");
  await frame.getByLabel("Number of images").selectOption("2");
  await expect(frame.getByTestId("cost")).toContainText("Costs 20 credits (2 images × 10).");
  gate.hold();
  await frame.getByRole("button", { name: "Generate" }).focus();
  await page.keyboard.press("Enter");
  await expect(frame.getByRole("status")).toHaveText("Drawing 2 images: 0 of 2 done…");
  await expect(frame.getByRole("progressbar", { name: "Progress" })).toBeVisible();
  await saveScreenshot(page, "apps", "generate-progress-light-1440");
  gate.release();
  await expect(frame.getByRole("status")).toHaveText("Done: 2 images ready.", { timeout: 30_000 });
  const results = frame.getByRole("list", { name: "Results" }).locator("img");
  await expect(results).toHaveCount(2);
  await expect.poll(() => results.first().evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await saveScreenshot(page, "apps", "generate-done-light-1440");
  // Progress came from the view following the batch (get_batch), not from one long call.
  expect(await page.evaluate(() => window.hostEvents.toolCalls)).toContain("get_batch");
});

test("the generate form says in plain words when credits are short or a model is unavailable", async ({ page }) => {
  await bothThemes(page, "generate", async (frame) => {
    await frame.getByLabel("Prompt").fill("an expensive one");
    await frame.getByLabel("Model").selectOption("gpt-image-2");
    await frame.getByLabel("Quality").selectOption("hd");
    await frame.getByLabel("Number of images").selectOption("4");
    await expect(frame.getByTestId("cost")).toContainText("Costs 1016 credits");
    await expect(frame.getByTestId("cost")).toContainText("That is more than you have");
    await frame.getByRole("button", { name: "Generate" }).click();
    await expect(frame.getByRole("status")).toHaveText(/This generation costs 1016 credits but your balance is \d+\. Lower the count or quality, pick a cheaper model, or add credits\./);
  });
  const frame = page.frameLocator("iframe");
  await frame.getByLabel("Model").selectOption("flux-2-pro");
  await expect(frame.getByTestId("cost")).toContainText("FLUX.2 [pro] is not available on this server right now; pick another model.");
  // The refusal of the earlier submission goes once the form changes.
  await expect(frame.getByText(/but your balance is/)).toHaveCount(0);
  await saveScreenshot(page, "apps", "generate-unavailable-dark-390");
});

test("a host that plays the model's generate_image call shows that batch's images in the form", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const frame = await mount(page, "generate", "dark", { prompt: "a blue whale", shape: "square" });
  await expect(frame.getByLabel("Prompt")).toHaveValue("a blue whale");
  await expect(frame.getByRole("status")).toHaveText("Done: 1 image ready.", { timeout: 30_000 });
  await expect(frame.getByRole("list", { name: "Results" }).locator("img")).toHaveCount(1);
});
