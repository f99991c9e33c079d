import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./helpers";

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("dark"));
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.use({ colorScheme: "light" });

test("the theme toggle picks dark or light over the system setting, remembered, with no flash", async ({ page }) => {
  // React reports a <script> it had to create on the client (it would never run): the theme
  // script must only ever come from the server's HTML.
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  // Records whether <html> was already dark when the body first appeared: before any paint.
  await page.addInitScript(() => {
    const w = window as unknown as { darkAtBody?: boolean };
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      w.darkAtBody = document.documentElement.classList.contains("dark");
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });

  await page.goto("/");
  expect(await isDark(page)).toBe(false);
  const lightBackground = await background(page);
  const theme = page.getByRole("group", { name: "Theme" });
  await expect(theme.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "true");

  await theme.getByRole("button", { name: "Dark theme" }).click();
  expect(await isDark(page)).toBe(true);
  expect(await background(page)).not.toBe(lightBackground);
  await expect(theme.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");

  for (const path of ["/", "/sign-in", "/docs/api", "/no-such-page"]) {
    await page.goto(path);
    expect(await page.evaluate(() => (window as unknown as { darkAtBody?: boolean }).darkAtBody), `${path} dark before first paint`).toBe(true);
    await expect(page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  }

  // Signed in, the same choice holds; the dashboard's toggle changes it back.
  await signUp(page);
  expect(await isDark(page)).toBe(true);
  const dashboardTheme = page.getByRole("group", { name: "Theme" });
  await dashboardTheme.getByRole("button", { name: "Light theme" }).click();
  expect(await isDark(page)).toBe(false);

  // Light stays light when the system turns dark; System follows it, live.
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await isDark(page)).toBe(false);
  await dashboardTheme.getByRole("button", { name: "System theme" }).click();
  expect(await isDark(page)).toBe(true);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => isDark(page)).toBe(false);
  await page.reload();
  expect(await isDark(page)).toBe(false);
  expect(consoleErrors.filter((e) => /script/i.test(e))).toEqual([]);
});
