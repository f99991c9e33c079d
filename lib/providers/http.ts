import { ProviderError, parseRetryAfter, type ProviderFailure } from "./errors";
import type { Env, ProviderIo } from "./types";

/** Largest provider answer or image we read (a 4K PNG is ~25 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

export interface ProviderRequest {
  method?: "GET" | "POST" | "PUT";
  headers?: Record<string, string>;
  /** Sent as JSON unless it is FormData. */
  body?: unknown;
  /**
   * Decides what a refusal means when the status alone cannot: e.g. a 400 whose body says
   * "content policy". Return undefined to fall back to the status.
   */
  classify?: (status: number, body: string) => ProviderFailure | undefined;
}

/** The status → failure table shared by every provider; `classify` refines it per provider. */
export function failureForStatus(status: number): ProviderFailure {
  if (status === 429) return "rate_limited";
  // 402: the provider account is out of credit; like a bad key, only the operator can fix it.
  if (status === 401 || status === 402 || status === 403) return "auth";
  if (status === 408 || status === 409 || status >= 500) return "transient";
  return "invalid";
}

const trim = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

/** fetch with the job's signal; network errors become transient ProviderErrors, aborts stay aborts. */
async function send(label: string, url: string, req: ProviderRequest, io: ProviderIo): Promise<Response> {
  const isForm = typeof FormData !== "undefined" && req.body instanceof FormData;
  try {
    return await fetch(url, {
      method: req.method ?? (req.body === undefined ? "GET" : "POST"),
      headers: { ...(req.body !== undefined && !isForm ? { "content-type": "application/json" } : {}), ...req.headers },
      body: req.body === undefined ? undefined : isForm ? (req.body as FormData) : JSON.stringify(req.body),
      signal: io.signal,
      redirect: "follow",
    });
  } catch (err) {
    if (io.signal.aborted) throw io.signal.reason ?? err;
    throw new ProviderError("transient", `${label}: network error`, { cause: err, detail: String((err as Error)?.cause ?? err) });
  }
}

async function readCapped(label: string, res: Response, io: ProviderIo): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length") ?? 0);
  if (declared > MAX_BYTES) throw new ProviderError("transient", `${label}: answer too large (${declared} bytes)`);
  try {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > MAX_BYTES) throw new ProviderError("transient", `${label}: answer too large`);
    return buf;
  } catch (err) {
    if (err instanceof ProviderError) throw err;
    if (io.signal.aborted) throw io.signal.reason ?? err;
    throw new ProviderError("transient", `${label}: connection lost while reading the answer`, { cause: err });
  }
}

async function refuse(label: string, url: string, res: Response, req: ProviderRequest, io: ProviderIo): Promise<never> {
  const text = new TextDecoder().decode(await readCapped(label, res, io).catch(() => new Uint8Array()));
  const kind = req.classify?.(res.status, text) ?? failureForStatus(res.status);
  throw new ProviderError(kind, `${label}: HTTP ${res.status}`, {
    retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
    detail: `${req.method ?? "POST"} ${new URL(url).pathname} → ${res.status} ${trim(text)}`,
  });
}

/** Calls a provider's JSON API. Non-2xx answers and unreadable JSON throw classified ProviderErrors. */
export async function providerJson<T = unknown>(label: string, url: string, req: ProviderRequest, io: ProviderIo): Promise<T> {
  const res = await send(label, url, req, io);
  if (!res.ok) return refuse(label, url, res, req, io);
  const text = new TextDecoder().decode(await readCapped(label, res, io));
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ProviderError("transient", `${label}: the answer was not valid JSON`, { detail: trim(text) });
  }
}

/** Calls a provider that answers with raw bytes (Stability with Accept: image/*, ComfyUI /view, output URLs). */
export async function providerBytes(
  label: string,
  url: string,
  req: ProviderRequest,
  io: ProviderIo,
): Promise<{ bytes: Uint8Array; headers: Headers }> {
  const res = await send(label, url, req, io);
  if (!res.ok) return refuse(label, url, res, req, io);
  return { bytes: await readCapped(label, res, io), headers: res.headers };
}

/** Downloads an output URL the provider returned. `data:` URIs (fal's sync_mode) are decoded in place. */
export async function downloadOutput(label: string, url: string, io: ProviderIo, headers?: Record<string, string>): Promise<Uint8Array> {
  if (url.startsWith("data:")) {
    const comma = url.indexOf(",");
    if (comma < 0) throw new ProviderError("transient", `${label}: malformed data URI`);
    const meta = url.slice(5, comma);
    const payload = url.slice(comma + 1);
    return meta.endsWith(";base64") ? new Uint8Array(Buffer.from(payload, "base64")) : new TextEncoder().encode(decodeURIComponent(payload));
  }
  if (!/^https?:\/\//.test(url)) throw new ProviderError("transient", `${label}: output URL is not http(s)`);
  return (await providerBytes(label, url, { method: "GET", headers }, io)).bytes;
}

/**
 * A provider's base URL: the `variable` when set (tests and proxies point it elsewhere), else the
 * documented default. Anything but an http(s) URL stops the process at boot, naming the variable.
 */
export function baseUrlFrom(env: Env, variable: string, fallback: string): string {
  const url = env[variable]?.trim() || fallback;
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error(`${variable} must be an http(s) URL, got '${url}'`);
  return url;
}

/** Joins a base URL and a path without doubling or dropping slashes. */
export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
