import type { App } from "@modelcontextprotocol/ext-apps";
import { h } from "./dom";

/** The fields of an image the views show; `previewUrl` once the store keeps previews. */
export interface ImageLike {
  imageId: string;
  status: string;
  title?: string;
  prompt?: string;
  url: string | null;
  previewUrl?: string | null;
  width: number;
  height: number;
  mimeType?: string | null;
  error?: string | null;
}

/** A picture that keeps its aspect ratio before it loads (width and height set), lazy below the fold. */
export function picture(img: ImageLike, alt: string, full = false) {
  const src = full ? img.url : (img.previewUrl ?? img.url);
  if (img.status !== "succeeded" || !src) {
    const text = img.status === "failed" ? `Failed: ${img.error ?? "no image"}` : img.status === "running" ? "Drawing…" : "Waiting…";
    return h("div", { class: "placeholder", style: `aspect-ratio: ${img.width} / ${img.height}` }, text);
  }
  return h("img", { src, alt, width: img.width, height: img.height, loading: "lazy", style: `aspect-ratio: ${img.width} / ${img.height}` });
}

const extension = (mime: string | null | undefined) => (mime === "image/svg+xml" ? "svg" : (mime?.split("/")[1] ?? "png"));

/** Open in the browser and Download, both through the host (the view itself may not navigate). */
export function imageActions(app: App, img: ImageLike) {
  if (img.status !== "succeeded" || !img.url) return null;
  const url = img.url;
  return h(
    "div",
    { class: "row" },
    h("button", { type: "button", onclick: () => void app.openLink({ url }) }, "Open"),
    h(
      "button",
      {
        type: "button",
        onclick: () =>
          void app.downloadFile({
            contents: [{ type: "resource_link", uri: url, name: `${img.imageId}.${extension(img.mimeType)}`, mimeType: img.mimeType ?? "image/png" }],
          }),
      },
      "Download",
    ),
  );
}
