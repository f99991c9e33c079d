import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { batches } from "@/db/schema";

export type BatchSpec = Pick<typeof batches.$inferSelect, "id" | "prompt" | "model" | "style" | "shape" | "quality">;

// What a batch asks for never changes after submit, and its images are claimed together: one
// read serves all of them (a query fewer per image on the embedded database's event loop).
const TTL_MS = 60_000;
const MAX = 2_000;
const cache = new WeakMap<Db, Map<string, { at: number; spec: Promise<BatchSpec | undefined> }>>();

export function batchSpec(db: Db, batchId: string): Promise<BatchSpec | undefined> {
  let byId = cache.get(db);
  if (!byId) cache.set(db, (byId = new Map()));
  const hit = byId.get(batchId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.spec;
  if (byId.size >= MAX) byId.clear();
  const spec = db
    .select({ id: batches.id, prompt: batches.prompt, model: batches.model, style: batches.style, shape: batches.shape, quality: batches.quality })
    .from(batches)
    .where(eq(batches.id, batchId))
    .then((rows) => rows[0]);
  spec.catch(() => byId.delete(batchId));
  byId.set(batchId, { at: Date.now(), spec });
  return spec;
}
