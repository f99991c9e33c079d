import { expect, test } from "@playwright/test";

test("API docs: every operation has an example request, named error responses and example bodies", async ({ page }) => {
  await page.goto("/docs/api");
  const ops = page.getByTestId("api-operation");
  const count = await ops.count();
  expect(count).toBeGreaterThanOrEqual(11);
  for (let i = 0; i < count; i++) {
    const op = ops.nth(i);
    await expect(op.getByRole("heading", { name: "Example request" })).toBeVisible();
    await expect(op.getByLabel(/with curl$/).locator("code")).toContainText("curl -sS");
  }
  const generate = ops.filter({ has: page.getByRole("heading", { name: /POST\s*\/generate/ }) });
  await expect(generate.getByLabel("POST /generate with curl").locator("code")).toContainText(`"prompt": "A lighthouse on a cliff at dusk, waves below"`);
  for (const [status, name] of [["400", "BadRequest"], ["401", "Unauthorized"], ["409", "Conflict"], ["413", "PayloadTooLarge"], ["422", "Unprocessable"], ["429", "RateLimited"]]) {
    const response = generate.locator(`[data-testid=api-response][data-status="${status}"]`);
    await expect(response.locator("summary")).toContainText(name);
    await response.locator("summary").click();
    await expect(response.locator("pre").first()).toContainText(`"code":`);
  }
  await expect(generate.locator('[data-status="409"] pre').nth(0)).toContainText(`"insufficient_credits"`);
  // The 2xx body is described field by field with an example, not as raw JSON Schema.
  const accepted = generate.locator('[data-status="202"]');
  await accepted.locator("summary").click();
  await expect(accepted.getByRole("cell", { name: "pollUrl" })).toBeVisible();
  await expect(accepted).not.toContainText(`"$schema"`);
  await expect(page.locator("summary").filter({ hasText: /^\d{3}\s*Error$/ })).toHaveCount(0);
  // The examples scroll inside their blocks: on a phone the page itself does not get wider.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
