import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isDomainError } from "@/lib/errors";
import { log } from "@/lib/log";

/** What a server action hands back to the browser: data, or a message a person can act on. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * Runs a verb for a server action. Domain errors carry messages written for people; anything
 * else is logged (class and code only, lib/safe-error.ts) and answered with a generic sentence.
 */
export async function runAction<T>(what: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    unstable_rethrow(err); // redirect() and notFound() must reach Next.
    if (isDomainError(err)) return { ok: false, error: err.message };
    if (err instanceof ZodError) return { ok: false, error: err.issues[0]?.message ?? "The request was not valid." };
    log.error("dashboard action failed", { action: what, err });
    return { ok: false, error: "Something went wrong on our side. Please try again." };
  }
}
