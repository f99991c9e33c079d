import type { Ctx } from "@/lib/context";
import { isDomainError } from "@/lib/errors";
import type { ImageStore } from "@/lib/storage/image-store";
import { getImage } from "./get-image";

export interface RemixOptions {
  prompt: string;
  model: string;
  style: string;
  shape: string;
  quality: "standard" | "hd";
}

/**
 * The options an image was made with, to fill the playground's form (`/playground?remix=img_…`).
 * Only the caller's own images: any other id (someone else's, deleted, made up) gives null.
 */
export async function remixOptions({ ctx, imageId, store }: { ctx: Ctx; imageId: string; store: ImageStore }): Promise<RemixOptions | null> {
  try {
    const image = await getImage({ ctx, input: { imageId }, store });
    return { prompt: image.prompt, model: image.model, style: image.style, shape: image.shape, quality: image.quality };
  } catch (err) {
    if (isDomainError(err) && (err.code === "not_found" || err.code === "bad_request")) return null;
    throw err;
  }
}
