import { log } from "@/lib/log";
import { safeError } from "@/lib/safe-error";

type Level = "debug" | "info" | "warn" | "error";

// better-auth writes some values into its messages ("Sign-up attempt for existing email: …").
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+/g;
const scrub = (text: string) => text.replace(EMAIL, "[email]").slice(0, 300);

/** better-auth's extra arguments, made safe: errors by class and code, text scrubbed, depth capped. */
function safeArg(v: unknown, depth = 0): unknown {
  if (v instanceof Error) return safeError(v);
  if (typeof v === "string") return scrub(v);
  if (v === null || typeof v !== "object") return v;
  if (depth >= 2) return "[object]";
  if (Array.isArray(v)) return v.slice(0, 10).map((x) => safeArg(x, depth + 1));
  return Object.fromEntries(Object.entries(v).slice(0, 20).map(([k, x]) => [k, safeArg(x, depth + 1)]));
}

/**
 * better-auth's `logger` option: its lines go through our logger as JSON (not its coloured
 * text on the console), and what it passes along, database errors included, through the
 * same serializer as ours. The redaction paths in lib/log.ts still apply to the objects.
 */
export const authLogger = {
  level: (process.env.LOG_LEVEL === "debug" ? "debug" : "warn") as Level,
  log(level: Level, message: string, ...args: unknown[]) {
    log[level](scrub(message), { source: "better-auth", ...(args.length ? { args: args.map((a) => safeArg(a)) } : {}) });
  },
};
