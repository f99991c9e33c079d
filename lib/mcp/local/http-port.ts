import { DomainError, ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { newRequestId } from "@/lib/ids";
import type { ImagePreview, PixolaPort } from "../port";
import { saveToFolder } from "./download-folder";

export interface HttpPortSettings {
  /** Pixola's address, e.g. https://pixola.example.com (no /api/v1). */
  baseUrl: string;
  apiKey: string;
  /** Absolute folder where full-size images are saved, or none. */
  downloadFolder?: string;
  /** Per request, besides any long-poll wait. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** The one cause a user can act on when Pixola cannot be reached. */
function unreachable(baseUrl: string, why: string): DomainError {
  return new DomainError(
    "unavailable",
    `Could not reach Pixola at ${baseUrl} (${why}). Check the Pixola URL in the extension's settings and that the server is running.`,
  );
}

function describeFetchFailure(err: unknown): string {
  if (err instanceof DOMException && err.name === "TimeoutError") return "no answer in time";
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/** A REST error body as the domain error it was on the server, so tools word it as /mcp does. */
function toDomainError(status: number, body: unknown, baseUrl: string): DomainError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: Record<string, unknown> } } | null)?.error;
  if (!error || typeof error.message !== "string") {
    return unreachable(baseUrl, `it answered HTTP ${status}, which is not Pixola's API`);
  }
  const code = ERROR_CODES.includes(error.code as ErrorCode) ? (error.code as ErrorCode) : "internal_error";
  if (code === "unauthorized") {
    return new DomainError(
      code,
      `Pixola did not accept the API key: ${error.message} Create a key at ${baseUrl}/settings/api-keys and enter it in the extension's settings.`,
    );
  }
  return new DomainError(code, error.message, error.details);
}

/**
 * The bundle's port: every operation is a call to /api/v1 with the user's key. Errors come
 * back as the same domain errors the in-process port raises, so the tools read the same.
 */
export function createHttpPort(settings: HttpPortSettings): PixolaPort {
  const baseUrl = settings.baseUrl.replace(/\/+$/, "");
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function send(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal; extraMs?: number } = {}) {
    const signals = [AbortSignal.timeout(timeoutMs + (init.extraMs ?? 0)), ...(init.signal ? [init.signal] : [])];
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/api/v1${path}`, {
        method: init.method ?? "GET",
        headers: {
          authorization: `Bearer ${settings.apiKey}`,
          accept: "application/json",
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.any(signals),
        redirect: "error",
      });
    } catch (err) {
      throw unreachable(baseUrl, describeFetchFailure(err));
    }
    return res;
  }

  async function call<T>(path: string, init: Parameters<typeof send>[1] = {}): Promise<T> {
    const res = await send(path, init);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw unreachable(baseUrl, `it answered HTTP ${res.status} with ${res.headers.get("content-type") ?? "no content type"}, which is not Pixola's API`);
    }
    if (!res.ok) throw toDomainError(res.status, body, baseUrl);
    return body as T;
  }

  const id = (value: string) => encodeURIComponent(value);

  return {
    requestId: newRequestId(),
    listModels: () => call("/models"),
    listStyles: () => call("/styles"),
    listShapes: () => call("/shapes"),
    checkCredits: () => call("/credits"),
    generate: (input, idempotencyKey) =>
      call("/generate", { method: "POST", body: input, headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {} }),
    getBatch(batchId, wait) {
      const seconds = wait?.waitSeconds ?? 0;
      const query = seconds > 0 ? `?wait=${Math.round(seconds * 1000) / 1000}` : "";
      return call(`/batches/${id(batchId)}${query}`, { signal: wait?.signal, extraMs: seconds * 1000 });
    },
    listImages({ limit, cursor }) {
      const q = new URLSearchParams();
      if (limit !== undefined) q.set("limit", String(limit));
      if (cursor !== undefined) q.set("cursor", cursor);
      return call(`/images${q.size ? `?${q}` : ""}`);
    },
    getImage: (imageId) => call(`/images/${id(imageId)}`),
    async imagePreview(image): Promise<ImagePreview | null> {
      const res = await send(`/images/${id(image.imageId)}/preview`, { headers: { accept: "image/webp" } });
      // A missing preview only means no inline image: the text and URLs carry the result.
      const width = Number(res.headers.get("x-preview-width"));
      const height = Number(res.headers.get("x-preview-height"));
      if (!res.ok || res.headers.get("content-type") !== "image/webp" || !(width > 0 && height > 0)) return null;
      return { bytes: new Uint8Array(await res.arrayBuffer()), mimeType: "image/webp", width, height };
    },
    ...(settings.downloadFolder ? { saveLocally: (images) => saveToFolder(settings.downloadFolder!, images) } : {}),
  };
}
