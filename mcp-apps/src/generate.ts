import "./style.css";
import type { CallToolResult } from "@modelcontextprotocol/client";
import { isFinished, runBatch, settled } from "./batch";
import { byId, h, plural, replace, say } from "./dom";
import { connectView, failureText, structured, type View } from "./host";
import { imageActions, picture } from "./images";
import type { Batch, Model } from "./types";

interface Style { slug: string; name: string }
interface Shape { slug: string; name: string; aspectRatio: string }

const root = byId<HTMLElement>("app");
const prompt = h("textarea", { id: "prompt", required: true, maxlength: 4000, placeholder: "A lighthouse on a cliff at dusk, watercolor" });
const model = h("select", { id: "model" });
const style = h("select", { id: "style" });
const shape = h("select", { id: "shape" });
const quality = h("select", { id: "quality" }, h("option", { value: "standard" }, "Standard"), h("option", { value: "hd" }, "HD"));
const count = h("select", { id: "count" }, [1, 2, 3, 4].map((n) => h("option", { value: String(n) }, String(n))));
const cost = h("p", { "data-testid": "cost", "aria-live": "polite" });
const submit = h("button", { type: "submit", class: "primary" }, "Generate");
const status = h("div", { role: "status", hidden: true });
const bar = h("progress", { max: 1, value: 0, hidden: true, "aria-label": "Progress" });
const results = h("div", { class: "grid", role: "list", "aria-label": "Results" });

let models: Model[] = [];
let balance: number | null = null;
let view: View;

const field = (id: string, label: string, control: HTMLElement) => h("div", {}, h("label", { for: id }, label), control);

replace(
  root,
  h("h1", {}, "Generate images"),
  h(
    "form",
    { onsubmit: (e: Event) => (e.preventDefault(), void generate()), "aria-label": "Generate images" },
    field("prompt", "Prompt", prompt),
    h("div", { class: "fields" }, field("model", "Model", model), field("style", "Style", style), field("shape", "Shape", shape), field("quality", "Quality", quality), field("count", "Number of images", count)),
    cost,
    h("div", { class: "row" }, submit),
  ),
  status,
  bar,
  results,
);
for (const control of [model, quality, count]) control.addEventListener("change", updateCost);
// A refusal answers the form as it was submitted; once the form changes it no longer applies.
for (const control of [prompt, model, style, shape, quality, count]) control.addEventListener("input", clearRefusal);

function clearRefusal() {
  if (status.classList.contains("error") && !submit.disabled) say(status, "");
}

const selectedModel = () => models.find((m) => m.slug === model.value);

function updateCost() {
  const m = selectedModel();
  if (!m) return void (cost.textContent = "");
  const n = Number(count.value);
  const total = n * m.pricing[quality.value === "hd" ? "hd" : "standard"];
  const parts = [`Costs ${plural(total, "credit")} (${plural(n, "image")} × ${m.pricing[quality.value === "hd" ? "hd" : "standard"]}).`];
  if (balance !== null) parts.push(`Your balance: ${plural(balance, "credit")}.`);
  if (balance !== null && total > balance) parts.push("That is more than you have: lower the count or quality, or pick a cheaper model.");
  if (!m.available) parts.push(`${m.name} is not available on this server right now; pick another model.`);
  cost.textContent = parts.join(" ");
  cost.className = (balance !== null && total > balance) || !m.available ? "notice error" : "muted";
}

function fill(data: { models: Model[]; defaultModel: string }, styles: { defaultStyle: string; categories: { category: string; styles: Style[] }[] }, shapes: { defaultShape: string; shapes: Shape[] }) {
  models = data.models;
  replace(
    model,
    models.map((m) =>
      h("option", { value: m.slug, selected: m.slug === data.defaultModel }, `${m.name} — ${plural(m.pricing.standard, "credit")} (hd ${m.pricing.hd})${m.available ? "" : " · unavailable"}`),
    ),
  );
  replace(
    style,
    styles.categories.map((c) => h("optgroup", { label: c.category }, c.styles.map((s) => h("option", { value: s.slug, selected: s.slug === styles.defaultStyle }, s.name)))),
  );
  replace(shape, shapes.shapes.map((s) => h("option", { value: s.slug, selected: s.slug === shapes.defaultShape }, `${s.name} (${s.aspectRatio})`)));
}

/** Fills the form from the arguments the model called generate_image with. */
function prefill(args: Record<string, unknown>) {
  if (typeof args.prompt === "string") prompt.value = args.prompt;
  const set = (el: HTMLSelectElement, v: unknown) => {
    if (v !== undefined && [...el.options].some((o) => o.value === String(v))) el.value = String(v);
  };
  set(model, args.model);
  set(style, args.style);
  set(shape, args.shape);
  set(quality, args.quality);
  set(count, args.count);
  updateCost();
}

function showBatch(b: Batch) {
  const done = settled(b);
  bar.hidden = false;
  bar.max = b.images.length;
  bar.value = done;
  const finished = b.status !== "queued" && b.status !== "running";
  if (!finished) say(status, `Drawing ${plural(b.images.length, "image")}: ${done} of ${b.images.length} done…`);
  else if (b.status === "failed") say(status, `No image could be made: ${b.images[0]?.error ?? b.error ?? "the provider failed"}. Your credits were refunded.`, "error");
  else say(status, `Done: ${done === b.images.length ? plural(done, "image") : `${b.images.filter((i) => i.status === "succeeded").length} of ${b.images.length} images`} ready.`);
  replace(
    results,
    b.images.map((img, i) => h("figure", { class: "tile", role: "listitem" }, picture(img, `${b.prompt} (${i + 1})`), h("figcaption", {}, imageActions(view.app, img)))),
  );
}

async function refreshBalance() {
  try {
    balance = (await view.call<{ balance: number }>("check_credits")).balance;
  } catch {
    balance = null; // a key without credits:read still generates
  }
  updateCost();
}

async function generate() {
  if (!prompt.value.trim()) {
    say(status, "Write a prompt first: what should the image show?", "error");
    return prompt.focus();
  }
  submit.disabled = true;
  replace(results);
  bar.hidden = true;
  say(status, "Submitting…");
  try {
    const args = { prompt: prompt.value.trim(), model: model.value, style: style.value, shape: shape.value, quality: quality.value, count: Number(count.value) };
    showBatch(await runBatch(view, args, showBatch));
  } catch (err) {
    bar.hidden = true;
    say(status, failureText(err), "error");
  } finally {
    submit.disabled = false;
    await refreshBalance();
  }
}

/** The model's own generate_image call: show it, and follow it to the end if it was still running. */
async function follow(r: CallToolResult) {
  try {
    let b = structured<Batch>(r);
    showBatch(b);
    while (!isFinished(b)) showBatch((b = await view.call<Batch>("get_batch", { batchId: b.batchId, waitSeconds: 15 })));
  } catch (err) {
    say(status, failureText(err), "error");
  }
}

let input: Record<string, unknown> | null = null;
let ready = false;
view = await connectView("generate", {
  onInput: (args) => {
    input = args;
    if (ready) prefill(args);
  },
  onResult: (r: CallToolResult) => void follow(r),
});
try {
  const [m, st, sh] = await Promise.all([view.call<{ models: Model[]; defaultModel: string }>("list_models"), view.call<never>("list_styles"), view.call<never>("list_shapes")]);
  fill(m, st, sh);
  ready = true;
  if (input) prefill(input);
  await refreshBalance();
} catch (err) {
  say(status, failureText(err), "error");
}
root.removeAttribute("aria-busy");
