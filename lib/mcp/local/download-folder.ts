import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { ImageView } from "@/lib/generation/schemas";

/** Larger downloads are refused: Pixola's images are a few megabytes at most. */
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/webp": "webp", "image/jpeg": "jpg" };

/** The folder from the extension's settings: absolute, or refused at start with the reason. */
export function checkDownloadFolder(folder: string | undefined): string | undefined {
  const trimmed = folder?.trim();
  // An optional setting left empty may reach us unreplaced ("${user_config.download_folder}").
  if (!trimmed || trimmed.startsWith("${")) return undefined;
  if (!path.isAbsolute(trimmed)) {
    throw new Error(`download_folder must be an absolute path (got '${trimmed}'). Choose a folder in the extension's settings.`);
  }
  return path.resolve(trimmed);
}

/**
 * The file an image is saved as: `<imageId>.<ext>` directly inside the folder. Ids come from
 * the server, so anything but letters, digits, `_` and `-` is refused: no path can leave it.
 */
export function fileFor(folder: string, image: ImageView, contentType: string): string {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(image.imageId)) throw new Error(`refusing to save an image with the id '${image.imageId}'`);
  const file = path.join(folder, `${image.imageId}.${EXTENSIONS[contentType] ?? "bin"}`);
  if (path.dirname(file) !== folder) throw new Error("refusing a file name outside the download folder");
  return file;
}

async function download(url: string): Promise<{ bytes: Uint8Array; contentType: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`the download answered HTTP ${res.status}`);
  const length = Number(res.headers.get("content-length") ?? 0);
  if (length > MAX_IMAGE_BYTES) throw new Error(`the file is larger than ${MAX_IMAGE_BYTES} bytes`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_IMAGE_BYTES) throw new Error(`the file is larger than ${MAX_IMAGE_BYTES} bytes`);
  return { bytes, contentType: (res.headers.get("content-type") ?? "").split(";")[0].trim() };
}

/** Saves each image's full-size file in the folder (written whole, then renamed into place). */
export async function saveToFolder(folder: string, images: ImageView[]): Promise<Record<string, string>> {
  await fs.mkdir(folder, { recursive: true });
  const saved: Record<string, string> = {};
  for (const image of images) {
    if (!image.url) continue;
    const { bytes, contentType } = await download(image.url);
    const file = fileFor(folder, image, contentType);
    const partial = path.join(folder, `.${image.imageId}.${randomBytes(4).toString("hex")}.part`);
    await fs.writeFile(partial, bytes);
    await fs.rename(partial, file);
    saved[image.imageId] = file;
  }
  return saved;
}
