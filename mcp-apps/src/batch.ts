import type { View } from "./host";
import type { Batch } from "./types";

/** The view's request `_meta` for generate_image (lib/mcp/apps/views.ts, SUBMIT_ONLY_META). */
const SUBMIT_ONLY = { "io.pixola/submitOnly": true };
/** Each get_batch long-poll waits at most this long: one tool call per change, within the rate limit. */
const WAIT_SECONDS = 15;

export const isFinished = (b: { status: string }) => b.status !== "queued" && b.status !== "running";
export const settled = (b: Batch) => b.images.filter((i) => i.status === "succeeded" || i.status === "failed").length;

/**
 * Submits a batch through the host and follows it with get_batch (waitSeconds) until it is
 * finished, calling `onUpdate` with each state. A host that drops the request `_meta` makes
 * generate_image wait as it does for the model; the view then follows whatever is left.
 */
export async function runBatch(view: View, args: Record<string, unknown>, onUpdate: (b: Batch) => void): Promise<Batch> {
  const idempotency_key = crypto.randomUUID();
  let batch = await view.call<Batch>("generate_image", { ...args, idempotency_key }, SUBMIT_ONLY);
  onUpdate(batch);
  while (!isFinished(batch)) {
    batch = await view.call<Batch>("get_batch", { batchId: batch.batchId, waitSeconds: WAIT_SECONDS });
    onUpdate(batch);
  }
  return batch;
}
