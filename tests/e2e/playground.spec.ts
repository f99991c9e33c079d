import { expect, test } from "@playwright/test";
import { signUp, submitAndWait } from "./helpers";
import { saveScreenshot } from "../helpers/screenshots";

test("the playground generates an image that shows in the gallery, its detail view and the credits", async ({ page }) => {
  await signUp(page);
  await page.goto("/playground");

  // Pickers come from the catalog, and the price shows before submitting.
  const model = page.getByLabel("Model");
  await expect(model.locator("option:not([disabled])")).not.toHaveCount(0);
  await expect(page.getByLabel("Style").locator("option")).not.toHaveCount(0);
  await expect(page.getByLabel("Shape").locator("option")).not.toHaveCount(0);
  await expect(page.getByTestId("cost-summary")).toContainText(/Cost\s*\d+ credits?/);
  await page.getByLabel("Count").selectOption("2");
  await expect(page.getByTestId("cost-summary")).toContainText("× 2 images");
  await page.getByLabel("Count").selectOption("1");

  // An empty prompt gets a clear message and submits nothing.
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  await expect(page.getByText("Describe the image you want")).toBeVisible();

  const prompt = `A lighthouse on a cliff at dusk ${Date.now()}`;
  await page.getByLabel("Prompt").fill(prompt);
  await expect(page.getByText("Describe the image you want")).toHaveCount(0);
  await page.getByLabel("Style").selectOption({ index: 1 });
  const costText = (await page.getByTestId("cost-summary").innerText()).match(/Cost\s*(\d+)/)![1];
  const cost = Number(costText);
  await saveScreenshot(page, "screenshots", "playground-form");
  const imageId = await submitAndWait(page);
  await expect(page.getByTestId("generated-image")).toHaveCount(1);
  await expect(page.getByTestId("generated-image")).toHaveJSProperty("complete", true);
  await saveScreenshot(page, "screenshots", "playground-result");

  // Gallery: newest first, with prompt, model, style and date.
  await page.goto("/images");
  const first = page.getByRole("list", { name: "Your images" }).getByRole("listitem").first();
  await expect(first).toContainText(prompt);
  await expect(first).toContainText("procedural");
  await expect(first.getByRole("img")).toHaveJSProperty("complete", true);
  await saveScreenshot(page, "screenshots", "gallery");

  // Detail: full image, parameters, download.
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/images/${imageId}$`));
  await expect(page.getByTestId("image-prompt")).toHaveText(prompt);
  await expect(page.getByText("1024 × 1024")).toBeVisible();
  const download = page.getByRole("link", { name: "Download" });
  await expect(download).toHaveAttribute("download", new RegExp(`^${imageId}\\.(png|webp|jpg)$`));
  const file = await page.request.get((await download.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toMatch(/^image\//);
  await saveScreenshot(page, "screenshots", "image-detail");

  // Credits: the reservation for this batch, and the new balance.
  await page.goto("/credits");
  await expect(page.getByTestId("credit-balance")).toContainText((1000 - cost).toLocaleString("en-US"));
  const reserve = page.locator('[data-testid="ledger-row"][data-kind="reserve"]').first();
  await expect(reserve).toContainText(prompt);
  await expect(reserve).toContainText(`−${cost}`);
  await expect(page.locator('[data-testid="ledger-row"][data-kind="grant"]')).toContainText("+1,000");
  await saveScreenshot(page, "screenshots", "credits");
});
