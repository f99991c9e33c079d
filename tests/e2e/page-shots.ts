import type { Page } from "@playwright/test";
import { saveScreenshot, screenshotsWanted } from "../helpers/screenshots";

const WIDTHS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

/**
 * Full-page screenshots of the current page at 1440 and 390 px wide, in the light and dark
 * colour schemes, as test-results/pages-with-data/<name>-<width>-<scheme>.png (pages.spec.ts
 * leaves the same pages of a new account in test-results/pages). Restores 1440 × 900, light.
 */
export async function pageShots(page: Page, name: string) {
  if (!screenshotsWanted) return;
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w.width, height: w.height });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Charts and tiles lay out again after a resize.
      await page.waitForTimeout(300);
      await saveScreenshot(page, "pages-with-data", `${name}-${w.name}-${scheme}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}
