import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";

let n = 0;
export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${++n}@example.com`;

/** Signs up through the form and lands on the dashboard. */
export async function signUp(page: Page, email = uniqueEmail("user"), name = "Ada Lovelace") {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return { email, name };
}

/** Signs out from the dashboard header (through the Menu on narrow screens). */
export async function signOut(page: Page) {
  const menu = page.getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out$/);
}

/** Signs in through the form on the page already open (/sign-in, with any ?next=). */
export async function signInHere(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Creates a key in Settings → API Keys and returns the plaintext from the shown-once dialog. */
export async function createKey(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const field = dialog.getByTestId("new-api-key");
  await expect(field).toHaveText(/^pxk_[0-9A-Za-z]{38}$/);
  return (await field.textContent())!.trim();
}

export async function closeKeyDialog(page: Page) {
  await page.getByRole("button", { name: "I have saved my key" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
}

/** Generates one image in the playground and returns its id (from the result link). */
export async function generateInPlayground(page: Page, prompt: string): Promise<string> {
  await page.goto("/playground");
  await page.getByLabel("Prompt").fill(prompt);
  return submitAndWait(page);
}

/** Clicks Generate on the playground as filled in, waits for the batch, returns the image id. */
export async function submitAndWait(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  await expect(page.getByTestId("batch-status")).toHaveText(/Done: 1 of 1 image/, { timeout: 30_000 });
  const href = await page.getByRole("list", { name: "Generated images" }).getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/images\/img_/);
  return href!.split("/").pop()!;
}

export const mcpToolsList = (request: APIRequestContext, key: string) =>
  request.post("/mcp", {
    headers: {
      Authorization: `Bearer ${key}`,
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
    },
    data: { jsonrpc: "2.0", method: "tools/list", id: 1 },
  });
