import pino, { type DestinationStream, type Logger } from "pino";
import { safeError } from "@/lib/safe-error";

/**
 * One-line JSON logs on stderr, through pino. Callers pass facts, never secrets: keys,
 * tokens, passwords, prompts and SQL parameters must not be given to the logger. Errors are
 * reduced to class and code (lib/safe-error.ts); the redaction paths below are a second line
 * of defence for a field someone passes by mistake.
 */
type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;
export type Log = Record<Level, (msg: string, fields?: Fields) => void>;

const SECRET_FIELDS = [
  "authorization", "cookie", "set-cookie", "password", "newPassword", "currentPassword", "token", "accessToken",
  "refreshToken", "secret", "key", "apiKey", "hash", "prompt", "params", "parameters", "query", "body", "email",
];
export const REDACT_PATHS = [
  ...SECRET_FIELDS.map((f) => `["${f}"]`),
  ...SECRET_FIELDS.map((f) => `*["${f}"]`),
  ...["authorization", "cookie", "set-cookie"].map((h) => `*.headers["${h}"]`),
];

const LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "silent"]);

function pinoLogger(destination: DestinationStream, level: string | undefined): Logger {
  return pino(
    {
      level: level && LEVELS.has(level) ? level : "info",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: safeError },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

/** An Error under any other name goes through the same serializer as `err` (pino's own). */
function clean(fields: Fields | undefined): Fields {
  if (!fields) return {};
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) out[k] = k !== "err" && v instanceof Error ? safeError(v) : v;
  return out;
}

/** A logger writing to `destination`; the app's is `log`, tests pass a stream they read. */
export function createLog(destination: DestinationStream, level = process.env.LOG_LEVEL): Log {
  const p = pinoLogger(destination, level);
  // The level is checked first: a debug line on a busy route costs nothing when debug is off.
  const at = (l: Level) => (msg: string, fields?: Fields) => {
    if (p.isLevelEnabled(l)) p[l](clean(fields), msg);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

// Synchronous writes: no worker thread, and nothing lost when the process exits.
export const log: Log = createLog(pino.destination({ fd: 2, sync: true }));
