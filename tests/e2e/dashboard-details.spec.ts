import { expect, test } from "@playwright/test";
import { closeKeyDialog, createKey, generateInPlayground, signOut, signUp, submitAndWait } from "./helpers";

test("the three-steps card shows until the user has a key and an image", async ({ page }) => {
  await signUp(page);
  const card = page.getByTestId("onboarding");
  await expect(card).toContainText("Three steps to your first image");
  await createKey(page, "Onboarding key");
  await closeKeyDialog(page);
  await page.goto("/dashboard");
  await expect(card, "a key alone is not enough").toBeVisible();
  await generateInPlayground(page, "A teapot shaped like a whale");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Recent images" })).toBeVisible();
  await expect(card).toHaveCount(0);
});

test("the prompt field counts characters near the 4,000 limit", async ({ page }) => {
  await signUp(page);
  await page.goto("/playground");
  const prompt = page.getByLabel("Prompt");
  const count = page.getByTestId("prompt-count");
  await prompt.fill("a".repeat(3499));
  await expect(count).toHaveCount(0);
  await prompt.fill("a".repeat(3600));
  await expect(count).toHaveText("3,600 / 4,000 characters");
  await expect(prompt).toHaveAttribute("aria-describedby", /prompt-count/);
  await prompt.fill("a".repeat(4000));
  await expect(count).toHaveText("4,000 / 4,000 characters — the limit");
  await prompt.fill("short again");
  await expect(count).toHaveCount(0);
});

test("a refused generation clears the previous result's status", async ({ page }) => {
  await signUp(page);
  await generateInPlayground(page, "A red kite over a beach");
  await expect(page.getByTestId("batch-status")).toHaveText(/Done: 1 of 1 image/);

  // A model this server cannot run: its option is disabled, so enable it the way a stale page
  // (the provider key removed since) would offer it. The server refuses it.
  const model = page.getByLabel("Model");
  const unavailable = await model.locator("option[disabled]").first().getAttribute("value");
  expect(unavailable).toBeTruthy();
  await model.locator(`option[value="${unavailable}"]`).evaluate((o) => o.removeAttribute("disabled"));
  await model.selectOption(unavailable!);
  await page.getByLabel("Prompt").fill("A second kite");
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /model/i })).toBeVisible();
  await expect(page.getByTestId("batch-status")).toHaveCount(0);
  await expect(page.getByText("Your images will appear here.")).toBeVisible();

  // The next good submit shows its own status again.
  await model.selectOption("procedural");
  await submitAndWait(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("an empty prompt is reported at the field, which takes the focus", async ({ page }) => {
    await signUp(page);
    await page.goto("/playground");
    const generate = page.getByRole("button", { name: "Generate", exact: true });
    await generate.scrollIntoViewIfNeeded();
    await expect(page.getByLabel("Prompt")).not.toBeInViewport();
    await generate.click();
    await expect(page.getByLabel("Prompt")).toBeFocused();
    await expect(page.getByLabel("Prompt")).toBeInViewport();
    await expect(page.getByRole("alert").filter({ hasText: "Describe the image you want" })).toBeInViewport();
    await expect(page.getByText("Prompt", { exact: true })).toBeInViewport();
  });

  test("the Menu opens every section and signing out", async ({ page }) => {
    await signUp(page);
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("banner").getByRole("link", { name: "Images", exact: true })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Dashboard" });
    for (const name of ["Overview", "Playground", "Images", "Credits", "API Keys", "Connected apps", "Connect"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await nav.getByRole("link", { name: "Credits", exact: true }).click();
    await expect(page).toHaveURL(/\/credits$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await signOut(page);
  });

  test("every API key and credit column, Revoke included, is on screen", async ({ page }) => {
    await signUp(page);
    await createKey(page, "Phone key");
    await closeKeyDialog(page);
    const row = page.getByTestId("api-key-row");
    for (const text of ["Phone key", "Active"]) await expect(row.getByText(text)).toBeInViewport();
    await expect(row.getByRole("button", { name: /Revoke/ })).toBeInViewport();
    await page.goto("/credits");
    const grant = page.locator('[data-testid="ledger-row"][data-kind="grant"]');
    await expect(grant.getByText("+1,000")).toBeInViewport();
    await expect(grant.locator('td[data-label="Balance"]')).toBeInViewport();
  });
});

test("copy buttons work without the Clipboard API (plain http on a LAN address)", async ({ page, baseURL }) => {
  // What a browser offers on http://192.168.x.y: no navigator.clipboard. The real one is kept
  // aside to read back what was copied, and execCommand is counted to prove the fallback ran.
  await page.addInitScript(() => {
    const w = window as unknown as { realClipboard: Clipboard; copies: number };
    w.realClipboard = navigator.clipboard;
    w.copies = 0;
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    const exec = document.execCommand.bind(document);
    document.execCommand = (command: string, ...rest) => {
      if (command === "copy") w.copies++;
      return exec(command, ...rest);
    };
  });
  await signUp(page);
  await page.goto("/connect");
  expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined();
  await page.getByRole("button", { name: "Copy MCP server URL" }).click();
  await expect(page.getByRole("button", { name: "Copied MCP server URL" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { copies: number }).copies)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { realClipboard: Clipboard }).realClipboard.readText())).toBe(`${baseURL}/mcp`);

  // Inside the new-key dialog's focus trap as well.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Copied by selection");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = (await dialog.getByTestId("new-api-key").textContent())!.trim();
  await dialog.getByRole("button", { name: "Copy key" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { realClipboard: Clipboard }).realClipboard.readText())).toBe(key);
});
