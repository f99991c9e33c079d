import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * The screenshots the browser tests leave under test-results/ for people to look at (every
 * page at 1440 and 390 px, light and dark; dialogs; MCP Apps views). They check nothing; a
 * run where nobody will see them — `.ci/run`, which discards its clone — sets
 * E2E_ARTIFACTS=off and skips them (and the traces of failed tests: playwright.config.ts).
 * The page sweep's 52 full-page PNGs cost it 12 of its 108 CPU-seconds on a 2-core machine.
 */
export const screenshotsWanted = process.env.E2E_ARTIFACTS !== "off";

/** test-results/<dir>, made if missing: where a test leaves what people may want to look at. */
export function artifactDir(dir: string): string {
  const folder = path.resolve("test-results", dir);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** A full-page PNG of the page as test-results/<dir>/<name>.png. */
export async function saveScreenshot(page: Page, dir: string, name: string): Promise<void> {
  if (!screenshotsWanted) return;
  const folder = artifactDir(dir);
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}
