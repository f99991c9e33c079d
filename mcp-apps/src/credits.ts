import "./style.css";
import type { CallToolResult } from "@modelcontextprotocol/client";
import { byId, formatDate, h, replace, say } from "./dom";
import { connectView, failureText, structured } from "./host";

interface LedgerEntry { id: string; kind: string; amount: number; balanceAfter: number; note: string | null; prompt: string | null; createdAt: string }
interface Credits { balance: number; plan: { name: string; monthlyCredits: number }; recentEntries?: LedgerEntry[] }

const root = byId<HTMLElement>("app");

function render(c: Credits) {
  const entries = c.recentEntries ?? [];
  replace(
    root,
    h("h1", {}, "Credits"),
    h(
      "div",
      { class: "row spread card" },
      h("div", {}, h("div", { class: "muted" }, "Balance"), h("div", { class: "big", "data-testid": "balance" }, `${c.balance.toLocaleString()} credits`)),
      h("div", {}, h("div", { class: "muted" }, "Plan"), h("div", { "data-testid": "plan" }, `${c.plan.name} · ${c.plan.monthlyCredits.toLocaleString()} credits a month`)),
    ),
    h("h2", {}, "Recent activity"),
    entries.length === 0
      ? h("p", { class: "muted" }, "No credit activity yet.")
      : h(
          "table",
          { "aria-label": "Recent credit activity" },
          h("thead", {}, h("tr", {}, h("th", {}, "When"), h("th", {}, "What"), h("th", { class: "num" }, "Credits"), h("th", { class: "num" }, "Balance"))),
          h(
            "tbody",
            {},
            entries.map((e) =>
              h(
                "tr",
                {},
                h("td", {}, formatDate(e.createdAt)),
                h("td", {}, describe(e)),
                h("td", { class: "num" }, e.amount > 0 ? `+${e.amount}` : String(e.amount)),
                h("td", { class: "num" }, String(e.balanceAfter)),
              ),
            ),
          ),
        ),
    h("div", { class: "row" }, h("button", { type: "button", onclick: () => void load() }, "Refresh")),
  );
  root.removeAttribute("aria-busy");
}

function describe(e: LedgerEntry): string {
  const what = e.kind === "grant" ? "Credits added" : e.kind === "refund" ? "Refund for a failed image" : "Images generated";
  return [what, e.prompt ? `“${e.prompt}”` : e.note].filter(Boolean).join(": ");
}

const status = h("p", { role: "status", hidden: true });
const view = await connectView("credits", { onResult: (r: CallToolResult) => showResult(r) });

function showResult(r: CallToolResult) {
  try {
    render(structured<Credits>(r));
  } catch (err) {
    fail(err);
  }
}

function fail(err: unknown) {
  replace(root, h("h1", {}, "Credits"), status);
  say(status, failureText(err), "error");
  root.removeAttribute("aria-busy");
}

async function load() {
  try {
    render(await view.call<Credits>("check_credits"));
  } catch (err) {
    fail(err);
  }
}

await load();
