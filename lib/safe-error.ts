import { DomainError } from "@/lib/errors";
import { ProviderError } from "@/lib/providers/errors";

/** What the log may say about an error: its class, its code, and nothing a user typed. */
export interface SafeError {
  type: string;
  name?: string;
  code?: string;
  constraint?: string;
  message?: string;
  kind?: string;
  cause?: SafeError;
}

// SQLSTATE ("23503"), errno names ("ECONNRESET"), Node codes ("ERR_STREAM_PREMATURE_CLOSE"),
// our own codes ("bad_request"): short identifiers. Anything else could be text from a user.
const IDENTIFIER = /^[A-Za-z0-9_.:-]{1,64}$/;
const ident = (v: unknown): string | undefined =>
  (typeof v === "string" || typeof v === "number") && IDENTIFIER.test(String(v)) ? String(v) : undefined;

/**
 * Reduces any thrown value to class, code and cause. Messages are kept only for our own error
 * classes, whose messages we write: a database or driver message holds the SQL and its bound
 * parameters (drizzle's DrizzleQueryError: "Failed query: … params: …"), PostgreSQL's `detail`
 * holds row values ("Key (hash)=(…)"), and a provider's may echo the prompt. Stacks stay out too.
 */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: err === null ? "null" : typeof err };
  // A minified class ("O", PGlite's DatabaseError) says less than the error's name.
  const ctor = ident(err.constructor?.name);
  const type = (ctor && ctor.length > 2 ? ctor : ident(err.name)) ?? "Error";
  const out: SafeError = { type };
  const name = ident(err.name);
  if (name && name !== type && name !== "Error") out.name = name;
  const e = err as Error & Record<string, unknown>;
  const code = ident(e.code);
  if (code) out.code = code;
  // postgres.js calls it constraint_name, PGlite constraint: a schema name, never a value.
  const constraint = ident(e.constraint_name ?? e.constraint);
  if (constraint) out.constraint = constraint;
  if (err instanceof DomainError || err instanceof ProviderError) out.message = err.message;
  if (err instanceof ProviderError) out.kind = err.kind;
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

const ABORT_NAMES = new Set(["AbortError", "ResponseAborted"]);
const ABORT_CODES = new Set(["ECONNRESET", "EPIPE", "ABORT_ERR", "UND_ERR_ABORTED", "ERR_STREAM_PREMATURE_CLOSE"]);

/** A client that hung up mid-request: not our fault, so never an error line. */
export function isClientAbort(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (ABORT_NAMES.has(err.name) || (typeof code === "string" && ABORT_CODES.has(code)) || err.message === "aborted") return true;
  return depth < 3 && isClientAbort((err as { cause?: unknown }).cause, depth + 1);
}
