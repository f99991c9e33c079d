import { gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workers } from "@/db/schema";
import { refreshed } from "./refreshed";

/** Workers heartbeat every 5 s (lib/generation/heartbeat.ts) and count as live for 15 s. */
export const HEARTBEAT_MS = 5_000;
export const LIVE_SECONDS = 15;

// One small query per second per process at most: list_models and submits read it often. A
// busy process answers from the last read (at most 2 s old) while the next one runs.
const live = refreshed(
  (db) =>
    db
      .select({ p: sql<string>`unnest(${workers.providers})` })
      .from(workers)
      .where(gt(workers.seenAt, sql`now() - make_interval(secs => ${LIVE_SECONDS})`))
      .then((rows) => new Set(rows.map((r) => r.p)) as ReadonlySet<string>),
  { ttlMs: 1_000 },
);

/** The providers some live worker can run right now. */
export const liveProviders = (db: Db): Promise<ReadonlySet<string>> => live.get(db);

/** Forget the cached answer (a worker of this process just announced or retired). */
export const forgetLiveProviders = (db: Db) => live.forget(db);

/**
 * The default model: DEFAULT_MODEL when available, else the first available of this list,
 * which ends with the embedded renderer. Chosen on read, from live availability.
 */
export const DEFAULT_PREFERENCE = [
  "flux-2",
  "flux-2-pro",
  "gpt-image-1-mini",
  "imagen-4-fast",
  "nano-banana",
  "sd-3.5-large-turbo",
  "luma-photon-flash",
  "ideogram-v2-turbo",
  "comfyui",
  "procedural",
] as const;

export function chooseDefaultModel(availableSlugs: ReadonlySet<string>, preferred: string | undefined): string {
  if (preferred && availableSlugs.has(preferred)) return preferred;
  return DEFAULT_PREFERENCE.find((s) => availableSlugs.has(s)) ?? "procedural";
}
