import fs from "node:fs";

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` if set, else Debian's headless shell
 * (package chromium-headless-shell: Chromium's engine without the desktop browser around it, what
 * Playwright itself runs headless tests on), else Debian's full browser (package chromium).
 * The headless shell ran the browser suite in 3.6–3.7 min against 4.7–4.9 min for the full
 * browser on the same machine (docs/benchmarks.md, "Test suite time").
 */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => fs.existsSync(p)) ?? "/usr/bin/chromium";
}
