import type { BatchView } from "@/lib/generation/schemas";
import type { PixolaPort } from "./port";

/** Re-read at least this often: workers in other processes do not signal this one. */
const POLL_MS = 1000;

const isSettled = (status: string) => status === "succeeded" || status === "failed";
export const isFinished = (b: BatchView) => !["queued", "running"].includes(b.status);

/**
 * Waits until the batch finishes, the deadline passes or the client leaves, calling
 * `onSettled` each time more images have settled. Never cancels the batch: it is paid for
 * and completes either way.
 */
export async function awaitBatch(
  port: PixolaPort,
  batchId: string,
  opts: { deadline: number; signal: AbortSignal; onSettled: (settled: number, batch: BatchView) => Promise<boolean> },
): Promise<BatchView> {
  let reported = 0;
  for (;;) {
    const batch = await port.getBatch(batchId);
    const settled = batch.images.filter((i) => isSettled(i.status)).length;
    if (settled > reported) {
      reported = settled;
      if (!(await opts.onSettled(settled, batch))) return batch;
    }
    const remaining = opts.deadline - Date.now();
    if (isFinished(batch) || remaining <= 0 || opts.signal.aborted) return batch;
    await port.waitForBatchChange(batchId, Math.min(remaining, POLL_MS), opts.signal);
  }
}
