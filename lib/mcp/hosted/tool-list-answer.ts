/**
 * The tool list, serialized once per process. `tools/list` is the same for every caller and
 * changes only with a deploy, yet answering it through the SDK costs a fresh server, the
 * transport's validation and a JSON serialization of ~22 KB per request (the largest single
 * item in a CPU profile of /mcp). A plain 2025-era `tools/list` — one request, no params, a
 * protocol-version header that is absent or one the SDK serves, an Accept header the transport
 * takes — is answered from the SDK's own first answer for that header instead; anything else,
 * including every request the transport might refuse, goes to the SDK as before.
 */
import { deepFreeze } from "@/lib/deep-freeze";
import { frozenJsonResponse } from "@/lib/frozen-json";
import { transportTakesHeaders } from "./messages";

/** Whether this parsed body and request are a plain tools/list the cached answer fits. */
export function plainToolsListId(req: Request, parsed: unknown): string | number | undefined {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const m = parsed as Record<string, unknown>;
  if (m.jsonrpc !== "2.0" || m.method !== "tools/list") return undefined;
  if (!(typeof m.id === "string" || (typeof m.id === "number" && Number.isFinite(m.id)))) return undefined;
  if (Object.keys(m).some((k) => k !== "jsonrpc" && k !== "method" && k !== "id" && k !== "params")) return undefined;
  if (m.params !== undefined && !(isPlainObject(m.params) && Object.keys(m.params).length === 0)) return undefined;
  return transportTakesHeaders(req) ? m.id : undefined;
}

/** Answers plain tools/list requests from the first answer `serve` gave, per protocol version. */
export function toolListAnswer(serve: (req: Request, parsed: unknown) => Promise<Response>) {
  // The result, frozen: its UTF-8 bytes are made once and sent as they are (frozenJsonResponse).
  // The list's text has characters beyond Latin-1 ("…", "×"): encoding 22 KB of such text again
  // for every answer cost more than the rest of the route, and a fresh 22 KB buffer per answer
  // brought on the old generation's collections.
  const results = new Map<string, Promise<unknown>>();
  const first = async (version: string | null) => {
    const body = { jsonrpc: "2.0", id: 0, method: "tools/list" };
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    if (version !== null) headers["mcp-protocol-version"] = version;
    const res = await serve(new Request("http://localhost/mcp", { method: "POST", headers, body: JSON.stringify(body) }), body);
    const answer = (await res.json()) as { result?: unknown };
    if (!res.ok || !answer.result) throw new Error(`tools/list answered ${res.status} without a result`);
    return deepFreeze(answer.result);
  };
  return async (req: Request, id: string | number): Promise<Response> => {
    const version = req.headers.get("mcp-protocol-version");
    const key = version ?? "";
    let result = results.get(key);
    if (!result) {
      result = first(version);
      results.set(key, result);
      // Not cached when it failed: the next request tries again.
      result.catch(() => results.delete(key));
    }
    return frozenJsonResponse({ result: await result, jsonrpc: "2.0", id }, { headers: { "content-type": "application/json" } });
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
