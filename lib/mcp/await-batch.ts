import { isBatchFinished, type BatchView } from "@/lib/generation/schemas";
import type { PixolaPort } from "./port";

/** The most one long-poll asks for: the REST bound, so the HTTP port needs no second rule. */
const MAX_WAIT_SECONDS = 30;

const isSettled = (status: string) => status === "succeeded" || status === "failed";

/**
 * Follows the batch with long-polls until it finishes, the deadline passes or the client
 * leaves, calling `onSettled` each time more images have settled. Never cancels the batch:
 * it is paid for and completes either way.
 */
export async function awaitBatch(
  port: PixolaPort,
  batchId: string,
  opts: { deadline: number; signal: AbortSignal; onSettled: (settled: number, batch: BatchView) => Promise<boolean> },
): Promise<BatchView> {
  let reported = 0;
  let batch = await port.getBatch(batchId);
  for (;;) {
    const settled = batch.images.filter((i) => isSettled(i.status)).length;
    if (settled > reported) {
      reported = settled;
      if (!(await opts.onSettled(settled, batch))) return batch;
    }
    const remaining = opts.deadline - Date.now();
    if (isBatchFinished(batch) || remaining <= 0 || opts.signal.aborted) return batch;
    batch = await port.getBatch(batchId, { waitSeconds: Math.min(remaining / 1000, MAX_WAIT_SECONDS), signal: opts.signal });
  }
}
