import fs from "node:fs/promises";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** Where `npm run bundle` (part of `npm run build`) leaves the packed extension. */
export const BUNDLE_PATH = path.join(process.cwd(), "dist", "pixola.mcpb");

const cache = new Map<string, Uint8Array>();

/**
 * The packed .mcpb with this instance's own URL as the default "Pixola URL", so a user who
 * downloads it from the dashboard only pastes a key. Null when the bundle was not built.
 * Made once per process and URL: the archive changes only with a build.
 */
export async function desktopExtension(appUrl: string): Promise<Uint8Array | null> {
  const hit = cache.get(appUrl);
  if (hit) return hit;
  let packed: Uint8Array;
  try {
    packed = new Uint8Array(await fs.readFile(BUNDLE_PATH));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const files = unzipSync(packed);
  const manifest = JSON.parse(strFromU8(files["manifest.json"]));
  manifest.user_config.base_url.default = appUrl;
  files["manifest.json"] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  const archive = zipSync(files, { level: 9 });
  cache.set(appUrl, archive);
  return archive;
}
