import { ZodError } from "zod";
import { DomainError, HTTP_STATUS } from "@/lib/errors";
import { log } from "@/lib/log";
import { isClientAbort } from "@/lib/safe-error";
import { describeZodError } from "@/lib/zod-message";
import { errorBody, type PublicError } from "./error-body";

export function json(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** Every failure becomes a known code; unknown errors are logged and answered generically. */
export function toPublicError(err: unknown, requestId: string): PublicError {
  if (err instanceof DomainError) return { code: err.code, message: err.message, details: err.details };
  if (err instanceof ZodError) return { code: "bad_request", message: describeZodError(err) };
  // A client that hung up gets no answer anyway, and it is not our fault.
  if (isClientAbort(err)) log.debug("client went away", { requestId, err });
  else log.error("unhandled error", { requestId, err });
  return { code: "internal_error", message: `Something went wrong on our side. Quote request id ${requestId} if you report it.` };
}

export function errorResponse(err: unknown, requestId: string, headers?: HeadersInit): Response {
  const e = toPublicError(err, requestId);
  const h = new Headers(headers);
  h.set("x-request-id", requestId);
  h.set("content-type", "application/json; charset=utf-8");
  return new Response(errorBody(e, requestId), { status: HTTP_STATUS[e.code], headers: h });
}
