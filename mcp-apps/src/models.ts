import "./style.css";
import type { CallToolResult } from "@modelcontextprotocol/client";
import { byId, h, plural, replace, say } from "./dom";
import { connectView, failureText, structured } from "./host";
import type { Model } from "./types";

const root = byId<HTMLElement>("app");
let models: Model[] = [];

const search = h("input", { id: "search", type: "search", placeholder: "Name, use or tag", oninput: () => renderList() });
const provider = h("select", { id: "provider", onchange: () => renderList() });
const tag = h("select", { id: "tag", onchange: () => renderList() });
const maxPrice = h("select", { id: "price", onchange: () => renderList() });
const onlyAvailable = h("input", { id: "available", type: "checkbox", onchange: () => renderList(), style: "width:auto" });
const list = h("div", { class: "grid", style: "grid-template-columns: repeat(auto-fill, minmax(260px, 1fr))", role: "list", "aria-label": "Models" });
const count = h("p", { class: "muted", role: "status" });
const status = h("p", { role: "alert", hidden: true });

const options = (values: string[], all: string) => [h("option", { value: "" }, all), ...values.map((v) => h("option", { value: v }, v))];

function layout() {
  replace(
    root,
    h("h1", {}, "Models"),
    status,
    h(
      "div",
      { class: "fields" },
      h("div", {}, h("label", { for: "search" }, "Search"), search),
      h("div", {}, h("label", { for: "provider" }, "Provider"), provider),
      h("div", {}, h("label", { for: "tag" }, "Tag"), tag),
      h("div", {}, h("label", { for: "price" }, "Price per image"), maxPrice),
    ),
    h("div", { class: "row" }, onlyAvailable, h("label", { for: "available", style: "margin:0;font-weight:normal" }, "Only models available now")),
    count,
    list,
  );
}

function setModels(next: Model[]) {
  models = next;
  replace(provider, options([...new Set(models.map((m) => m.provider))].sort(), "All providers"));
  replace(tag, options([...new Set(models.flatMap((m) => m.tags))].sort(), "All tags"));
  replace(maxPrice, [h("option", { value: "" }, "Any price"), ...[1, 2, 5, 10, 20].map((n) => h("option", { value: String(n) }, `At most ${plural(n, "credit")}`))]);
  renderList();
  root.removeAttribute("aria-busy");
}

function renderList() {
  const q = search.value.trim().toLowerCase();
  const shown = models.filter(
    (m) =>
      (!q || [m.name, m.slug, m.description, m.bestFor, ...m.tags].some((s) => s.toLowerCase().includes(q))) &&
      (!provider.value || m.provider === provider.value) &&
      (!tag.value || m.tags.includes(tag.value)) &&
      (!maxPrice.value || m.pricing.standard <= Number(maxPrice.value)) &&
      (!onlyAvailable.checked || m.available),
  );
  count.textContent = `${plural(shown.length, "model")} of ${models.length}`;
  replace(
    list,
    shown.map((m) =>
      h(
        "article",
        { class: "card", role: "listitem", "aria-label": m.name },
        h("div", { class: "row spread" }, h("strong", {}, m.name), h("span", { class: m.available ? "badge on" : "badge off" }, m.available ? "Available" : "Unavailable")),
        h("p", { class: "muted" }, `${m.slug} · ${m.provider}${m.default ? " · default" : ""}`),
        h("p", {}, m.bestFor),
        h("p", { "data-testid": "price" }, `${plural(m.pricing.standard, "credit")} per image · hd ${plural(m.pricing.hd, "credit")}`),
        h("div", { class: "row" }, m.tags.map((t) => h("span", { class: "badge" }, t))),
      ),
    ),
  );
}

layout();
const view = await connectView("models", {
  onResult: (r: CallToolResult) => {
    try {
      setModels(structured<{ models: Model[] }>(r).models);
    } catch (err) {
      say(status, failureText(err), "error");
    }
  },
});
try {
  setModels((await view.call<{ models: Model[] }>("list_models")).models);
} catch (err) {
  say(status, failureText(err), "error");
  root.removeAttribute("aria-busy");
}
