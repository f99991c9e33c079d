import { inject } from "vitest";

export const baseUrl = () => inject("baseUrl");

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = any>(
  path: string,
  opts: { key?: string; method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${baseUrl()}${path}`, { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
  const text = await res.text();
  let parsed: any = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

let n = 0;
/** A new user with a fresh key, created through the app's admin endpoint. */
export async function newKey(): Promise<{ key: string; keyId: string; email: string }> {
  const email = `http${++n}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const res = await call("/api/admin/keys", {
    json: { email, name: "test" },
    headers: { authorization: `Bearer ${inject("adminToken")}` },
  });
  if (res.status !== 201) throw new Error(`could not create key: ${res.status} ${res.text}`);
  return { key: res.body.key, keyId: res.body.apiKey.id, email };
}

/** Polls a batch until it leaves queued/running. */
export async function waitForBatch(key: string, batchId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await call(`/api/v1/batches/${batchId}`, { key });
    if (r.status !== 200) throw new Error(`batch poll failed: ${r.status} ${r.text}`);
    if (!["queued", "running"].includes(r.body.status)) return r.body;
    if (Date.now() > deadline) throw new Error(`batch ${batchId} still ${r.body.status}`);
    await new Promise((res) => setTimeout(res, 150));
  }
}

export async function revokeKey(keyId: string): Promise<void> {
  const res = await call(`/api/admin/keys/${keyId}/revoke`, {
    method: "POST",
    headers: { authorization: `Bearer ${inject("adminToken")}` },
  });
  if (res.status !== 200) throw new Error(`could not revoke: ${res.status} ${res.text}`);
}
