import type { ImageView } from "@/lib/generation/schemas";
import type { PixolaPort } from "./port";

/**
 * Saves the succeeded images on the user's computer when the port can (the bundle with a
 * download folder). A failed copy is reported in words, never fails the call: the images
 * exist and are paid for either way.
 */
export async function saveCopies(port: PixolaPort, images: ImageView[]): Promise<{ paths: Record<string, string>; lines: string[] }> {
  const ready = images.filter((i) => i.status === "succeeded" && i.url);
  if (!port.saveLocally || ready.length === 0) return { paths: {}, lines: [] };
  try {
    const paths = await port.saveLocally(ready);
    return { paths, lines: Object.values(paths).map((p) => `Saved to ${p}`) };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { paths: {}, lines: [`Could not save the files to the download folder: ${why}`] };
  }
}
