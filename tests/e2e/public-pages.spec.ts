import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";
import { saveScreenshot } from "../helpers/screenshots";

test("the landing page says what Pixola is and links to sign-up and the docs", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Image generation");
  await expect(page.getByRole("link", { name: /Create a free account/ })).toHaveAttribute("href", "/sign-up");
  await page.getByRole("link", { name: "Read the API docs" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "Pixola API" })).toBeVisible();
  await expect(page.getByTestId("api-operation").filter({ hasText: "/generate" })).toContainText("POST");
  await expect(page.getByTestId("api-operation")).not.toHaveCount(0);
  await saveScreenshot(page, "screenshots", "docs-api");
});

test("connect guide shows the MCP URL and a config for each client", async ({ page, baseURL }) => {
  await signUp(page);
  await page.goto("/connect");
  await expect(page.getByTestId("mcp-url")).toHaveText(`${baseURL}/mcp`);
  for (const client of ["claude.ai", "Claude Code", "Cursor", "VS Code", "Windsurf", "Claude Desktop", "ChatGPT"]) {
    await expect(page.getByRole("heading", { name: client, exact: true })).toBeVisible();
  }
  await expect(page.getByText("tools/list").first()).toBeVisible();
  await page.getByRole("button", { name: "Copy MCP server URL" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/mcp`);
  await expect(page.getByRole("link", { name: "REST reference" })).toHaveAttribute("href", "/docs/api");
  await saveScreenshot(page, "screenshots", "connect");
});

// Every page at phone width (fits 390 px, no sideways scrolling, a screenshot in both themes) is
// pages.spec.ts's sweep.
