"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/dashboard/action-result";
import { deleteImage } from "@/lib/images/delete-image";

/** Deletes the image and its stored file; credits already charged stay charged. */
export async function deleteImageAction(imageId: string): Promise<ActionResult<{ imageId: string }>> {
  const { ctx, rt } = await requireSession();
  const result = await runAction("delete-image", () => deleteImage({ ctx, input: { imageId }, store: rt.store }));
  if (result.ok) {
    revalidatePath("/images");
    revalidatePath("/usage");
  }
  return result;
}
