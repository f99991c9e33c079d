import sharp from "sharp";

/** The gallery's tile: the longest side at most this, never enlarged. */
export const PREVIEW_MAX_SIDE = 512;
/** The dashboard needs each tile under 100 KB (24 to a page under 1.5 MB); leave headroom. */
export const PREVIEW_BUDGET_BYTES = 90 * 1024;
/** Tried in turn until the WebP fits the budget; a noisy 512² image rarely needs the second. */
const QUALITIES = [75, 60, 45, 30];

export interface Preview {
  bytes: Uint8Array;
  /** The size sharp actually produced, so callers report it exactly. */
  width: number;
  height: number;
}

/** A WebP of `bytes` with its longest side at most 512 px, the aspect ratio kept. */
export async function makePreview(bytes: Uint8Array): Promise<Preview> {
  let made: Preview | null = null;
  for (const quality of QUALITIES) {
    const { data, info } = await sharp(bytes, { limitInputPixels: 100_000_000 })
      .rotate() // follow EXIF orientation, so a portrait photo stays a portrait
      .resize({ width: PREVIEW_MAX_SIDE, height: PREVIEW_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    made = { bytes: new Uint8Array(data), width: info.width, height: info.height };
    if (data.byteLength <= PREVIEW_BUDGET_BYTES) return made;
  }
  return made!;
}

/** Where an image's preview lives: beside it, named after it (`bat_x/img_y.png` → `bat_x/img_y-preview.webp`). */
export function previewKeyFor(storageKey: string): string {
  const dot = storageKey.lastIndexOf(".");
  return `${dot > 0 ? storageKey.slice(0, dot) : storageKey}-preview.webp`;
}
