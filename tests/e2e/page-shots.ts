import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

export const PAGE_SHOTS = path.resolve("test-results/pages");

const WIDTHS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

/**
 * Full-page screenshots of the current page at 1440 and 390 px wide, in the light and dark
 * colour schemes, as test-results/pages/<name>-<width>-<scheme>.png. Restores 1440 × 900, light.
 */
export async function pageShots(page: Page, name: string) {
  fs.mkdirSync(PAGE_SHOTS, { recursive: true });
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w.width, height: w.height });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Charts and tiles lay out again after a resize.
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(PAGE_SHOTS, `${name}-${w.name}-${scheme}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}
