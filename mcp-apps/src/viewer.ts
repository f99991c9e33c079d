import "./style.css";
import type { CallToolResult } from "@modelcontextprotocol/client";
import { byId, formatDate, h, plural, replace, say } from "./dom";
import { connectView, failureText, structured } from "./host";
import { imageActions, picture } from "./images";
import { runBatch, settled } from "./batch";
import type { Image } from "./types";

const root = byId<HTMLElement>("app");
const status = h("p", { role: "status", hidden: true });
const variations = h("div", { class: "grid", "aria-label": "Variations", role: "list" });

function render(img: Image) {
  const vary = h("button", { type: "button", class: "primary", onclick: () => void makeVariations(img, vary) }, "Make 2 variations");
  replace(
    root,
    h("h1", {}, img.title),
    h(
      "div",
      { class: "fields", style: "grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); align-items: start" },
      h("figure", { class: "tile" }, picture(img, img.title, true)),
      h(
        "div",
        {},
        h(
          "dl",
          { "aria-label": "Parameters" },
          ...(
            [
              ["Prompt", img.prompt],
              ["Model", img.model],
              ["Style", img.style],
              ["Shape", `${img.shape} (${img.width}×${img.height})`],
              ["Quality", img.quality],
              ["Seed", String(img.seed)],
              ["Created", formatDate(img.createdAt)],
              ...(img.note ? [["Note", img.note]] : []),
            ] as [string, string][]
          ).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
        ),
        h("div", { class: "row", style: "margin-top:12px" }, imageActions(view.app, img), vary),
        status,
      ),
    ),
    variations,
  );
  root.removeAttribute("aria-busy");
}

/** Same prompt, model, style, shape and quality; new random seeds (none given). */
async function makeVariations(img: Image, button: HTMLButtonElement) {
  button.disabled = true;
  say(status, "Making 2 variations…");
  try {
    const args = { prompt: img.prompt, model: img.model, style: img.style, shape: img.shape, quality: img.quality, count: 2 };
    const batch = await runBatch(view, args, (b) => {
      replace(
        variations,
        b.images.map((v) => h("figure", { class: "tile", role: "listitem" }, picture(v, `Variation of ${img.title}`), h("figcaption", {}, imageActions(view.app, v)))),
      );
      say(status, `Making 2 variations: ${settled(b)} of ${b.images.length} done…`);
    });
    const done = batch.images.filter((v) => v.status === "succeeded").length;
    say(status, `${done} of ${plural(batch.images.length, "variation")} ready.`);
  } catch (err) {
    say(status, failureText(err), "error");
  } finally {
    button.disabled = false;
  }
}

function fail(err: unknown) {
  replace(root, h("h1", {}, "Image"), status);
  say(status, failureText(err), "error");
  root.removeAttribute("aria-busy");
}

async function load(imageId: unknown) {
  if (typeof imageId !== "string" || !imageId) return;
  try {
    render(await view.call<Image>("get_image", { imageId }));
  } catch (err) {
    fail(err);
  }
}

let connected = false;
let asked: unknown;
const view = await connectView("viewer", {
  onInput: (args) => {
    asked = args.imageId;
    if (connected) void load(asked);
  },
  onResult: (r: CallToolResult) => {
    try {
      render(structured<Image>(r));
    } catch (err) {
      fail(err);
    }
  },
});
connected = true;
if (asked) void load(asked);
