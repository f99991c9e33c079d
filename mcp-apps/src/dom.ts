type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/** A small element builder: attributes (on* become listeners), then children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c) el.append(c);
  return el;
}

export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function replace(parent: Element, ...children: (Child | Child[])[]) {
  parent.replaceChildren(...children.flat().filter((c): c is Node | string => !!c));
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A message in the view's status line, read out by screen readers. */
export function say(el: Element, message: string, kind: "info" | "error" = "info") {
  el.className = kind === "error" ? "notice error" : "notice";
  el.textContent = message;
  el.toggleAttribute("hidden", !message);
}

export const formatDate = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
