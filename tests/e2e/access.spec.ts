import { expect, test } from "@playwright/test";
import { closeKeyDialog, createKey, generateInPlayground, signOut, signUp } from "./helpers";

const DASHBOARD_PAGES = ["/dashboard", "/settings/api-keys", "/credits", "/usage", "/images", "/playground", "/connect"];

test("signed-out visitors are sent to sign-in from every dashboard page", async ({ page }) => {
  await signUp(page);
  await signOut(page);
  for (const path of DASHBOARD_PAGES) {
    await page.goto(path);
    // Back to the page asked for after signing in; /dashboard is where sign-in goes anyway.
    const expected = path === "/dashboard" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`;
    await expect(page, `${path} should redirect`).toHaveURL((url) => url.pathname + url.search === expected);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }
  await page.goto("/images/img_doesnotexist");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fimages%2Fimg_doesnotexist$/);
  const poll = await page.request.get("/api/dashboard/batches/bat_anything");
  expect(poll.status()).toBe(401);
});

test("another account cannot see the first account's images or keys, by list or by URL", async ({ page, browser }) => {
  await signUp(page, undefined, "Owner One");
  const prompt = `Private owner image ${Date.now()}`;
  const imageId = await generateInPlayground(page, prompt);
  const batchHref = await page.getByText(/^bat_/).textContent();
  const batchId = batchHref!.trim();
  await createKey(page, "Owner secret key");
  await closeKeyDialog(page);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, undefined, "Second Person");

  await page2.goto("/images");
  await expect(page2.getByText("No images yet")).toBeVisible();
  await expect(page2.getByText(prompt)).toHaveCount(0);

  const detail = await page2.goto(`/images/${imageId}`);
  expect(detail?.status()).toBe(404);
  await expect(page2.getByText(prompt)).toHaveCount(0);

  const poll = await page2.request.get(`/api/dashboard/batches/${batchId}`);
  expect(poll.status()).toBe(404);
  expect(await poll.text()).not.toContain(prompt);

  // Remix of someone else's image fills nothing; their usage is not counted as ours.
  await page2.goto(`/playground?remix=${imageId}`);
  await expect(page2.getByTestId("remix-notice")).toContainText("not found");
  await expect(page2.getByLabel("Prompt")).toHaveValue("");
  await page2.goto("/usage");
  await expect(page2.getByTestId("usage-total-images")).toHaveText("0");
  await expect(page2.getByText(prompt)).toHaveCount(0);

  await page2.goto("/settings/api-keys");
  await expect(page2.getByText("No API keys yet")).toBeVisible();
  await expect(page2.getByText("Owner secret key")).toHaveCount(0);

  await page2.goto("/credits");
  await expect(page2.getByText(prompt)).toHaveCount(0);
  await expect(page2.getByTestId("credit-balance")).toContainText("1,000");
  await other.close();

  // The owner still sees their image.
  const own = await page.goto(`/images/${imageId}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByTestId("image-prompt")).toHaveText(prompt);
});
