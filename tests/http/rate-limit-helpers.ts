import type { AppServer } from "../helpers/app-server";

/** Calls an app started by the test itself (the shared app's helpers in client.ts use inject). */
export async function callApp(app: AppServer, path: string, opts: { key?: string; json?: unknown; admin?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.admin) headers.authorization = `Bearer ${app.adminToken}`;
  if (opts.json !== undefined) headers["content-type"] = "application/json";
  const t0 = performance.now();
  const res = await fetch(`${app.url}${path}`, {
    method: opts.json !== undefined ? "POST" : "GET",
    headers,
    body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, ms: performance.now() - t0 };
}

/** A key for `email` (the user is created on first use), through the app's admin endpoint. */
export async function appKey(app: AppServer, email: string): Promise<{ key: string; keyId: string }> {
  const r = await callApp(app, "/api/admin/keys", { admin: true, json: { email, name: "rate-limit test" } });
  if (r.status !== 201) throw new Error(`could not create a key: ${r.status} ${JSON.stringify(r.body)}`);
  return { key: r.body.key, keyId: r.body.apiKey.id };
}

export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** Waits out the last seconds of a UTC minute so a burst of requests stays inside one window. */
export async function awayFromMinuteEnd(marginMs = 15_000) {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 100));
}
