import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { closeKeyDialog, createKey, generateInPlayground, signUp } from "./helpers";
import { saveScreenshot } from "../helpers/screenshots";
import { PAGES, THEMES, WIDTHS, type SweptPage } from "./pages";

const authFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pixola-pages-")), "session.json");

// The two sweeps (one per width) are independent: they run in parallel across the workers, and
// each worker's beforeAll makes its own user.
test.describe.configure({ mode: "parallel" });

// One user with data on every page: an API key, an image (so the gallery, credits and the
// dashboard's recent images are not empty states).
test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page);
  await createKey(page, "Pages sweep key");
  await closeKeyDialog(page);
  await generateInPlayground(page, "A paper boat on a pond, for the page sweep");
  await context.storageState({ path: authFile });
  await context.close();
});

/**
 * One browser context per sweep and session (signed out, signed in), each page a fresh
 * navigation in it: a context per page cost about a quarter more browser CPU and time for
 * the same pages, viewport and session.
 */
async function contexts(browser: Browser, size: (typeof WIDTHS)[number]) {
  const make = async (signedIn: boolean) => {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      isMobile: size.mobile,
      hasTouch: size.mobile,
      colorScheme: THEMES[0],
      storageState: signedIn ? authFile : undefined,
    });
    return { context, page: await context.newPage() };
  };
  const [signedOut, signedIn] = await Promise.all([make(false), make(true)]);
  return {
    async open(p: SweptPage): Promise<Page> {
      const { page } = p.signedIn ? signedIn : signedOut;
      const res = await page.goto(p.path);
      expect(res?.status(), `${p.path} status`).toBe(p.status ?? 200);
      // Signed-in pages must not have bounced to sign-in.
      expect(new URL(page.url()).pathname).toBe(p.path);
      return page;
    },
    close: () => Promise.all([signedOut.context.close(), signedIn.context.close()]),
  };
}

/**
 * The page as a user sees it: loaded, its fonts and its eagerly loaded images in. (Waiting for
 * the network to go quiet instead cost half a second or more a page: the router's prefetches.)
 */
async function settled(page: Page) {
  await page.waitForLoadState("load");
  await page.evaluate(async () => {
    await document.fonts.ready;
    const pending = [...document.images].filter((img) => img.loading !== "lazy" && !img.complete);
    await Promise.all(
      pending.map(
        (img) =>
          new Promise((done) => {
            img.addEventListener("load", done, { once: true });
            img.addEventListener("error", done, { once: true });
          }),
      ),
    );
  });
}

/** Serious and critical axe-core findings, each as "rule: target (summary)". */
async function seriousViolations(page: Page): Promise<string[]> {
  // Only violations are aggregated node by node (axe's own option for speed); which rules
  // fail, and where, is unchanged. Legacy mode runs axe in the page itself: the default mode
  // opens a second, blank page per analysis to merge frame results, which doubled the sweep's
  // axe time (32 s to 15 s a sweep of 13 pages); these pages have no cross-origin frames.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(0, 2).join(" ")}`));
}

/**
 * Each page is opened once per width and checked in both themes: the page follows the system
 * colour scheme live (lib/dashboard/theme.ts), so switching the emulated scheme re-themes it
 * without another navigation. Opening every page once per theme as well (four sweeps) made
 * this file use 224 s of CPU against 179 s on a 2-core machine, for the same checks.
 */
for (const size of WIDTHS) {
  test(`every page at ${size.width}×${size.height}, light and dark: fits the width, no serious axe findings, screenshot`, async ({ browser }) => {
    test.setTimeout(PAGES.length * THEMES.length * 20_000);
    const problems: string[] = [];
    const sweep = await contexts(browser, size);
    for (const p of PAGES) {
      const page = await sweep.open(p);
      await settled(page);
      // Colours with a CSS transition would pass through in-between values after the switch.
      await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await expect
          .poll(() => page.evaluate(() => document.documentElement.classList.contains("dark")), { message: `${p.path}: the ${theme} theme from the system setting` })
          .toBe(theme === "dark");
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        // A phone widens its layout viewport to fit content that overflows, so both are checked.
        if (scrollWidth > innerWidth || innerWidth !== size.width) problems.push(`${p.path} (${theme}): ${scrollWidth}px wide in a ${size.width}px window`);
        for (const v of await seriousViolations(page)) problems.push(`${p.path} (${theme}): ${v}`);
        await saveScreenshot(page, "pages", `${p.name}-${size.width}-${theme}`);
      }
    }
    await sweep.close();
    expect(problems).toEqual([]);
  });
}

test("an unknown address gets the branded 404 with a way home, and /favicon.ico exists", async ({ page, request }) => {
  const res = await page.goto("/images-that-never-were");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL((u) => u.pathname === "/");

  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  // An ICO header: reserved 0, type 1 (icon), then the image count.
  const body = await icon.body();
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});
