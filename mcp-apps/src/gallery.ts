import "./style.css";
import type { CallToolResult } from "@modelcontextprotocol/client";
import { byId, formatDate, h, replace, say } from "./dom";
import { connectView, failureText, structured } from "./host";
import { imageActions, picture } from "./images";
import type { Image } from "./types";

interface Page { images: Image[]; nextCursor: string | null }

const PAGE_SIZE = 12;
const root = byId<HTMLElement>("app");
const status = h("p", { role: "alert", hidden: true });
const grid = h("div", { class: "grid", role: "list", "aria-label": "Images" });
const prev = h("button", { type: "button", onclick: () => void turn(-1) }, "← Newer");
const next = h("button", { type: "button", onclick: () => void turn(1) }, "Older →");
const pageLabel = h("span", { class: "muted", role: "status" });
/** The cursor of each page seen so far; the first page has none. */
let cursors: (string | undefined)[] = [undefined];
let index = 0;
let nextCursor: string | null = null;

replace(root, h("h1", {}, "My images"), status, grid, h("div", { class: "row", style: "margin-top:12px" }, prev, pageLabel, next));

function render(page: Page) {
  nextCursor = page.nextCursor;
  replace(
    grid,
    page.images.length === 0
      ? h("p", { class: "muted" }, index === 0 ? "No images yet. Ask for one, or use the generate form." : "No more images.")
      : page.images.map((img) =>
          h(
            "figure",
            { class: "tile", role: "listitem" },
            picture(img, img.title),
            h("figcaption", {}, h("div", { class: "clamp", title: img.prompt }, img.title), h("div", { class: "muted" }, `${img.model} · ${formatDate(img.createdAt)}`), imageActions(view.app, img)),
          ),
        ),
  );
  prev.disabled = index === 0;
  next.disabled = !nextCursor;
  pageLabel.textContent = `Page ${index + 1}`;
  say(status, "");
  root.removeAttribute("aria-busy");
}

async function load() {
  try {
    render(await view.call<Page>("list_images", { limit: PAGE_SIZE, ...(cursors[index] ? { cursor: cursors[index] } : {}) }));
  } catch (err) {
    say(status, failureText(err), "error");
    root.removeAttribute("aria-busy");
  }
}

async function turn(step: 1 | -1) {
  if (step === 1) {
    if (!nextCursor) return;
    cursors = [...cursors.slice(0, index + 1), nextCursor];
  }
  index = Math.max(0, index + step);
  prev.disabled = next.disabled = true;
  await load();
}

const view = await connectView("gallery", {
  onResult: (r: CallToolResult) => {
    try {
      if (index === 0) render(structured<Page>(r));
    } catch (err) {
      say(status, failureText(err), "error");
    }
  },
});
await load();
