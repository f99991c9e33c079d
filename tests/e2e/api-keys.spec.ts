import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { closeKeyDialog, createKey, mcpToolsList, signUp } from "./helpers";
import { saveScreenshot } from "../helpers/screenshots";

test("sign up, see 1,000 credits, create a key shown once, use it over REST and MCP, revoke it", async ({ page, request }) => {
  await signUp(page);
  await expect(page.getByTestId("credit-balance")).toContainText("1,000");

  // Create: the plaintext appears once, in the dialog, with a warning and a working copy button.
  const key = await createKey(page, "E2E laptop");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("You will not see this key again")).toBeVisible();
  await dialog.getByRole("button", { name: "Copy key" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await saveScreenshot(page, "screenshots", "api-keys-shown-once-dialog");

  // Closing and reloading leaves only start…last4 on the page, never the plaintext.
  await closeKeyDialog(page);
  await page.reload();
  const masked = `${key.slice(0, 8)}…${key.slice(-4)}`;
  const row = page.getByTestId("api-key-row").filter({ hasText: "E2E laptop" });
  await expect(row).toContainText(masked);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  expect(await page.content()).not.toContain(key);
  await saveScreenshot(page, "screenshots", "api-keys-list");

  // The key works on REST and MCP.
  const credits = await request.get("/api/v1/credits", { headers: { Authorization: `Bearer ${key}` } });
  expect(credits.status()).toBe(200);
  expect((await credits.json()).balance).toBe(1000);
  const tools = await mcpToolsList(request, key);
  expect(tools.status()).toBe(200);
  const body = await tools.text();
  expect(body).toContain("generate_image");
  expect(body).toContain("list_models");

  // Using the key shows up as "last used" on the page (written in batches a few seconds apart).
  await expect(async () => {
    await page.reload();
    await expect(row).not.toContainText("Never", { timeout: 500 });
  }).toPass({ timeout: 20_000 });

  // Revoke asks first; Cancel changes nothing.
  await row.getByRole("button", { name: "Revoke key E2E laptop" }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm).toContainText("stops working immediately");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Revoke key E2E laptop" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  // It takes effect at once on both surfaces.
  const after = await request.get("/api/v1/credits", { headers: { Authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
  expect((await mcpToolsList(request, key)).status()).toBe(401);
});

test("creating a key without a name explains what is missing", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog")).toContainText("Give the key a name");
});

test("the per-plan cap on active keys shows a clear message, and revoking one makes room", async ({ page, request }) => {
  const { email } = await signUp(page);
  // The Free plan allows 25 active keys (db/catalog/plans.json). The first 24 are issued for the
  // account through the admin route (what `npm run keys` calls), the 25th in the dashboard.
  const { adminToken } = JSON.parse(fs.readFileSync(path.join(process.env.PIXOLA_E2E_DATA_DIR!, "secrets.json"), "utf8"));
  for (let i = 1; i <= 24; i++) {
    const res = await request.post("/api/admin/keys", { headers: { authorization: `Bearer ${adminToken}` }, data: { email, name: `key ${i}` } });
    expect(res.status()).toBe(201);
  }
  await page.goto("/settings/api-keys");
  await expect(page.getByTestId("api-key-row")).toHaveCount(24);
  const dialog = page.getByRole("dialog");
  await page.getByRole("button", { name: "Create API key" }).click();
  await dialog.getByLabel("Name").fill("key 25");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByTestId("new-api-key")).toBeVisible();
  await closeKeyDialog(page);
  await page.getByRole("button", { name: "Create API key" }).click();
  await dialog.getByLabel("Name").fill("one too many");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog).toContainText("You already have 25 active API keys, the most your plan allows (25)");
  await expect(dialog).toContainText("Revoke a key you no longer use");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Revoke key key 1", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const key = await createKey(page, "fits again");
  expect(key).toMatch(/^pxk_/);
});

test("a key can be created, copied and dismissed with the keyboard alone", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings/api-keys");
  const trigger = page.getByRole("button", { name: "Create API key" });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.keyboard.type("Keyboard key");
  await page.keyboard.press("Enter");
  const key = (await dialog.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^pxk_/);
  // Escape must not lose a key that is shown only once.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Copy key" }).focus();
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "I have saved my key" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "Keyboard key" })).toContainText("Active");
});
