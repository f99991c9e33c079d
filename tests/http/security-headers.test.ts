import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { baseUrl, call } from "./client";

/** The policy's directives by name, e.g. policy["img-src"] = ["'self'", "data:"]. */
function directives(csp: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (csp ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

/** Whether a URL found in the page may load under one directive's sources (scheme, origin or 'self'). */
function allows(sources: string[], url: string, page: string): boolean {
  const target = new URL(url, page);
  if (target.origin === new URL(page).origin) return sources.includes("'self'");
  return sources.includes(target.protocol) || sources.includes(target.origin);
}

const attrs = (html: string, tag: string, attr: string) =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${attr}="([^"]+)"`, "g"))].map((m) => m[1].replaceAll("&amp;", "&"));

describe("security headers", () => {
  it.each(["/", "/sign-in", "/sign-up", "/docs/api"])("page %s: a CSP that forbids framing, nosniff, a referrer policy, no HSTS on http", async (path) => {
    const r = await call(path);
    expect(r.status).toBe(200);
    const csp = directives(r.headers.get("content-security-policy"));
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["script-src"]).not.toContain("*");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(r.headers.get("strict-transport-security")).toBeNull();
  });

  it.each(["/", "/sign-in", "/docs/api"])("page %s loads nothing its own CSP blocks", async (path) => {
    const page = `${baseUrl()}${path}`;
    const r = await call(path);
    const csp = directives(r.headers.get("content-security-policy"));
    const scripts = attrs(r.text, "script", "src");
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(allows(csp["script-src"], src, page), src).toBe(true);
    for (const href of attrs(r.text, "link", "href").filter((h) => h.endsWith(".css"))) expect(allows(csp["style-src"], href, page), href).toBe(true);
    for (const src of attrs(r.text, "img", "src")) expect(allows(csp["img-src"], src, page), src).toBe(true);
    // Next streams the React payload in inline <script> tags, and components render style attributes.
    if (/<script(?![^>]*\ssrc=)[^>]*>[^<]/.test(r.text)) expect(csp["script-src"]).toContain("'unsafe-inline'");
    if (/\sstyle="/.test(r.text)) expect(csp["style-src"]).toContain("'unsafe-inline'");
  });

  it.each([
    ["an /api/v1 route", "/api/v1/credits", { method: "GET" }],
    ["/api/auth", "/api/auth/get-session", { method: "GET" }],
    ["/mcp", "/mcp", { method: "POST", json: { jsonrpc: "2.0", id: 1, method: "tools/list" } }],
    ["/files", "/files/nothing/here.png?exp=1&sig=x", { method: "GET" }],
  ] as const)("%s: nosniff, no referrer, no framing, a CSP that allows nothing", async (_name, path, opts) => {
    const r = await call(path, { ...opts, headers: { accept: "application/json, text/event-stream" } });
    expect(r.status).toBeGreaterThanOrEqual(200);
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("no-referrer");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(directives(r.headers.get("content-security-policy"))).toMatchObject({ "default-src": ["'none'"], "frame-ancestors": ["'none'"] });
  });

  it("static assets are served with nosniff", async () => {
    const page = await call("/sign-in");
    const asset = attrs(page.text, "script", "src").find((s) => s.startsWith("/_next/"))!;
    const r = await call(asset);
    expect(r.status).toBe(200);
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

/** HSTS follows APP_URL: this app is reached over http (as behind a TLS proxy) but its public URL is https. */
describe("Strict-Transport-Security when APP_URL is https", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ APP_URL: "https://pixola.example" });
  }, 120_000);
  afterAll(() => app?.stop());

  it("is sent on pages", async () => {
    for (const path of ["/", "/sign-in"]) {
      const r = await fetch(`${app.url}${path}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    }
  });
});
