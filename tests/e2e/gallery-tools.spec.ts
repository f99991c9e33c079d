import { expect, test, type APIRequestContext } from "@playwright/test";
import { closeKeyDialog, createKey, signUp } from "./helpers";
import { pageShots } from "./page-shots";

const SHAPES = { square: 1, "landscape-wide": 1344 / 756, "portrait-tall": 756 / 1344 } as const;

async function generate(request: APIRequestContext, key: string, data: Record<string, unknown>) {
  const res = await request.post("/api/v1/generate", { headers: { Authorization: `Bearer ${key}` }, data: { model: "procedural", ...data } });
  expect(res.status()).toBe(202);
  const { batchId } = await res.json();
  await expect(async () => {
    const batch = await (await request.get(`/api/v1/batches/${batchId}`, { headers: { Authorization: `Bearer ${key}` } })).json();
    expect(batch.status).toBe("succeeded");
  }).toPass({ timeout: 60_000, intervals: [500, 1_000] });
}

test("gallery: aspect-correct tiles, search and filters, download, remix with View code, delete", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signUp(page);
  const key = await createKey(page, "Gallery");
  await closeKeyDialog(page);
  await generate(request, key, { prompt: "A lighthouse at dusk", style: "watercolor", shape: "square" });
  await generate(request, key, { prompt: `A fox's "den" in the snow`, style: "photographic", shape: "landscape-wide" });
  await generate(request, key, { prompt: "An owl on a branch", style: "cinematic", shape: "portrait-tall", quality: "hd" });

  await page.goto("/images");
  const tiles = page.getByTestId("image-tile");
  await expect(tiles).toHaveCount(3);

  // Each tile shows the whole image at its shape's aspect ratio: nothing cropped to a square.
  for (const [prompt, ratio] of [["lighthouse", SHAPES.square], ["fox", SHAPES["landscape-wide"]], ["owl", SHAPES["portrait-tall"]]] as const) {
    const img = tiles.filter({ hasText: prompt }).getByRole("img");
    await expect(img).toHaveJSProperty("complete", true);
    const box = (await img.boundingBox())!;
    const natural = await img.evaluate((el: HTMLImageElement) => el.naturalWidth / el.naturalHeight);
    expect(box.width / box.height).toBeCloseTo(ratio, 1);
    expect(natural).toBeCloseTo(ratio, 1);
  }
  await pageShots(page, "gallery");

  // On a phone the tile's three actions stay inside the tile.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const tile of await tiles.all()) {
    const box = (await tile.boundingBox())!;
    for (const action of await tile.getByRole("button").or(tile.getByRole("link", { name: /^(Download|Remix)/ })).all()) {
      const b = (await action.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // Search (server-side, in the URL), then a style filter, then a date range with nothing in it.
  await page.getByLabel("Search prompts").fill("FOX");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]q=FOX/);
  await expect(tiles).toHaveCount(1);
  await expect(tiles).toContainText(`A fox's "den" in the snow`);
  await page.goto("/images");
  await page.getByLabel("Style").selectOption("watercolor");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]style=watercolor/);
  await expect(tiles).toHaveCount(1);
  await expect(tiles).toContainText("lighthouse");
  await page.goto("/images?model=procedural&to=2020-01-01");
  await expect(tiles).toHaveCount(0);
  await expect(page.getByText("No images match")).toBeVisible();
  await page.goto("/images?from=2026-13-01");
  await expect(page.locator("[data-slot=alert]")).toContainText("from must be a real calendar date as YYYY-MM-DD");
  await page.getByRole("link", { name: "Clear" }).first().click();
  await expect(page).toHaveURL(/\/images$/);
  await expect(tiles).toHaveCount(3);

  // Download from a tile saves the full file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download image: An owl on a branch" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^img_\w+\.png$/);

  // Remix fills the playground with the image's options; View code shows the same values.
  await page.getByRole("link", { name: "Remix image: An owl on a branch" }).click();
  await expect(page).toHaveURL(/\/playground\?remix=img_/);
  await expect(page.getByTestId("remix-notice")).toBeVisible();
  await expect(page.getByLabel("Prompt")).toHaveValue("An owl on a branch");
  await expect(page.getByLabel("Model")).toHaveValue("procedural");
  await expect(page.getByLabel("Style")).toHaveValue("cinematic");
  await expect(page.getByLabel("Shape")).toHaveValue("portrait-tall");
  await expect(page.getByRole("radio", { name: /HD/ })).toBeChecked();
  await page.getByLabel("Prompt").fill(`It's an "owl"`);
  await page.getByRole("button", { name: "View code" }).click();
  const code = page.getByTestId("view-code");
  await expect(code.locator("pre")).toContainText(`--data-raw '{"prompt":"It'\\''s an \\"owl\\""`);
  await expect(code.locator("pre")).toContainText("Bearer pxk_your_api_key");
  await expect(code.locator("pre")).toContainText(`http://127.0.0.1:`);
  await code.getByRole("button", { name: "MCP tool call" }).click();
  expect(JSON.parse(await code.locator("pre").innerText())).toEqual({
    name: "generate_image",
    arguments: { prompt: `It's an "owl"`, model: "procedural", style: "cinematic", shape: "portrait-tall", quality: "hd", count: 1 },
  });
  await pageShots(page, "playground-remix-code");

  // Someone else's (or a made-up) id fills nothing.
  await page.goto("/playground?remix=img_doesnotexist");
  await expect(page.getByTestId("remix-notice")).toContainText("not found");
  await expect(page.getByLabel("Prompt")).toHaveValue("");

  // Delete asks first, removes the tile, and the file URL stops working.
  await page.goto("/images");
  const owl = tiles.filter({ hasText: "owl" });
  const previewUrl = (await owl.getByRole("img").getAttribute("src"))!;
  const fileUrl = (await owl.getByRole("link", { name: /^Download/ }).getAttribute("href"))!;
  expect(previewUrl).toContain("-preview.webp");
  expect((await request.get(fileUrl)).status()).toBe(200);
  expect((await request.get(previewUrl)).status()).toBe(200);
  await owl.getByRole("button", { name: "Delete image: An owl on a branch" }).click();
  await expect(page.getByRole("dialog")).toContainText("Credits already charged for it are not refunded");
  await page.getByRole("dialog").getByRole("button", { name: "Delete image" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(tiles).toHaveCount(2);
  expect((await request.get(fileUrl)).status()).toBe(404);
  expect((await request.get(previewUrl)).status()).toBe(404);
  await page.reload();
  await expect(tiles).toHaveCount(2);
});

test("a page of 24 tiles loads previews: each tile image under 100 KB, the whole page under 1.5 MB", async ({ browser, page, request }) => {
  test.setTimeout(240_000);
  await signUp(page);
  const key = await createKey(page, "Weight");
  await closeKeyDialog(page);
  const shapes = ["square", "landscape-wide", "portrait-tall"];
  for (let i = 0; i < 6; i++) {
    await generate(request, key, { prompt: `Misty mountains above a lake, city lights and stars ${i}`, style: "watercolor", shape: shapes[i % 3], quality: "hd", count: 4 });
  }

  // A fresh context, so nothing comes from the cache and the transfer sizes are real.
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  const fresh = await context.newPage();
  await fresh.goto("/images");
  const imgs = fresh.getByTestId("image-tile").getByRole("img");
  await expect(imgs).toHaveCount(24);
  for (const img of await imgs.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect(img).toHaveJSProperty("complete", true);
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  }
  const sizes = await fresh.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const tiles = [...document.querySelectorAll<HTMLImageElement>("[data-testid=image-tile] img")].map((el) => el.currentSrc);
    return {
      tiles: tiles.map((src) => res.find((r) => r.name === src)?.transferSize ?? -1),
      total: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
    };
  });
  expect(sizes.tiles).toHaveLength(24);
  for (const size of sizes.tiles) {
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(100 * 1024);
  }
  expect(sizes.total).toBeLessThan(1.5 * 1024 * 1024);
  console.log(`24 tiles: largest ${Math.max(...sizes.tiles)} B, page ${sizes.total} B transferred`);
  await context.close();
});
