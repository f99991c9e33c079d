import { log as appLog, type Log } from "@/lib/log";

type ConsoleError = (...args: unknown[]) => void;

/**
 * Next prints what a page or server action throws with console.error: the message and the
 * stack, and a database error's message holds its SQL and bound parameters. Installed by
 * server.ts, this sends any call that carries an Error to the log instead, as class, code
 * and cause (lib/safe-error.ts); calls without one (Next's own notices) pass through.
 */
export function routeConsoleErrorsToLog(target: { error: ConsoleError } = console, log: Log = appLog): void {
  const original = target.error.bind(target);
  target.error = (...args: unknown[]) => {
    const err = args.find((a): a is Error => a instanceof Error);
    if (!err) return original(...args);
    const digest = (err as { digest?: unknown }).digest;
    log.error("unhandled error while rendering", { err, ...(typeof digest === "string" ? { digest } : {}) });
  };
}
