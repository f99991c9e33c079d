import { extensionFor } from "@/lib/storage/image-store";

/** The file name a download is saved as: the image id with its format's extension. */
export const downloadName = (image: { imageId: string; mimeType: string | null }) =>
  `${image.imageId}.${extensionFor(image.mimeType ?? "image/png").replace("bin", "png")}`;
