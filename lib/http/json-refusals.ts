import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { errorBody } from "./error-body";
import { newRequestId } from "@/lib/ids";

/**
 * On API paths every refusal is JSON. Our route handlers already answer so; this covers what
 * Next answers before any handler runs — a method the route does not export (an empty 405),
 * an unknown path (the HTML 404 page) — by replacing a non-JSON error body with
 * `{ error: { code, message, requestId } }` as the response starts.
 */
export function jsonRefusals(req: IncomingMessage, res: ServerResponse, path: string): void {
  const writeHead = res.writeHead.bind(res) as (code: number, ...rest: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let decided = false;
  let replacement: string | undefined;

  /** Once, before the head goes out: swap a non-JSON refusal for our JSON body. */
  const decide = (code: number, headers?: OutgoingHttpHeaders) => {
    if (decided) return;
    decided = true;
    const type = String(headers?.["content-type"] ?? headers?.["Content-Type"] ?? res.getHeader("content-type") ?? "");
    if (code < 400 || type.includes("json") || req.method === "HEAD") return;
    const requestId = newRequestId();
    replacement = errorBody(refusal(code, req.method ?? "GET", path), requestId);
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value);
    for (const name of ["content-length", "content-encoding", "etag", "transfer-encoding", "vary", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"]) {
      res.removeHeader(name);
    }
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.setHeader("content-length", Buffer.byteLength(replacement));
    res.setHeader("cache-control", "no-store");
    res.setHeader("x-request-id", requestId);
  };
  const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");

  res.writeHead = ((code: number, ...rest: unknown[]) => {
    const headers = rest.find((r): r is OutgoingHttpHeaders => typeof r === "object" && r !== null && !Array.isArray(r));
    decide(code, headers);
    return replacement === undefined ? writeHead(code, ...rest) : writeHead(code);
  }) as ServerResponse["writeHead"];
  // Next may write or end without calling writeHead (Node then sends the head implicitly):
  // decide first, and drop whatever body Next sends (an HTML page, nothing) for ours.
  res.write = ((...args: unknown[]) => {
    if (!res.headersSent) decide(res.statusCode);
    if (replacement === undefined) return write(...args);
    callbackOf(args)?.();
    return true;
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    if (!res.headersSent) decide(res.statusCode);
    if (replacement === undefined) return end(...args);
    const cb = callbackOf(args);
    return cb ? end(replacement, cb) : end(replacement);
  }) as ServerResponse["end"];
}

function refusal(status: number, method: string, path: string): { code: ErrorCode; message: string } {
  const shown = path.length > 80 ? `${path.slice(0, 80)}…` : path;
  if (status === 404) return { code: "not_found", message: `There is no endpoint ${shown}. See /api/v1/openapi.json for the API's endpoints.` };
  if (status === 405) {
    return { code: "method_not_allowed", message: `${method} is not allowed on ${shown}. See /api/v1/openapi.json for the methods each endpoint accepts.` };
  }
  const known = (Object.keys(HTTP_STATUS) as ErrorCode[]).find((c) => HTTP_STATUS[c] === status);
  return { code: known ?? "bad_request", message: `The request to ${shown} was refused (HTTP ${status}).` };
}
