import { and, asc, eq } from "drizzle-orm";
import { batches, images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { badRequest } from "@/lib/errors";
import type { ImageStore } from "@/lib/storage/image-store";
import { getBatch } from "./get-batch";
import { isBatchFinished, type BatchView } from "./schemas";
import { batchSettledEvent, signals } from "./signals";

/** The longest a request may hold a batch open (REST `?wait=`); the MCP tools ask for less. */
export const MAX_BATCH_WAIT_SECONDS = 30;
/** `?wait=` as given (absent → no waiting): seconds, decimals allowed, 0 to 30. */
export function parseWaitSeconds(raw: string | null): number {
  if (raw === null) return 0;
  const n = raw.trim() === "" ? NaN : Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > MAX_BATCH_WAIT_SECONDS) {
    throw badRequest(`wait must be a number of seconds from 0 to ${MAX_BATCH_WAIT_SECONDS}, e.g. wait=10.`);
  }
  return n;
}

/** Workers in other processes do not signal this one: re-read at least this often. */
const POLL_MS = 500;

/** The batch's status and each image's, in order: what a waiting client is told about. */
async function batchState(ctx: Ctx, batchId: string): Promise<string> {
  const [batch] = await ctx.db
    .select({ status: batches.status })
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.userId, ctx.userId)));
  const rows = await ctx.db
    .select({ status: images.status })
    .from(images)
    .where(and(eq(images.batchId, batchId), eq(images.userId, ctx.userId)))
    .orderBy(asc(images.index));
  return [batch?.status, ...rows.map((r) => r.status)].join(",");
}

/** Resolves on the next settled image of the batch in this process, after `ms`, or on abort. */
function wake(batchId: string, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const event = batchSettledEvent(batchId);
    const done = () => {
      clearTimeout(timer);
      signals.off(event, done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signals.on(event, done);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Long-poll: the batch as soon as it differs from how it stood when asked (an image settled,
 * the status moved), at once when it is already finished, or as it is after `waitSeconds`.
 * A missing or foreign batch is refused before any waiting. Never changes the batch.
 */
export async function waitForBatch(args: {
  ctx: Ctx;
  batchId: string;
  store: ImageStore;
  waitSeconds: number;
  signal?: AbortSignal;
}): Promise<BatchView> {
  const { ctx, batchId, store, signal } = args;
  const first = await getBatch({ ctx, input: { batchId }, store });
  if (args.waitSeconds <= 0 || isBatchFinished(first)) return first;
  const deadline = Date.now() + Math.min(args.waitSeconds, MAX_BATCH_WAIT_SECONDS) * 1000;
  const before = [first.status, ...first.images.map((i) => i.status)].join(",");
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || signal?.aborted) break;
    await wake(batchId, Math.min(remaining, POLL_MS), signal);
    if ((await batchState(ctx, batchId)) !== before) break;
  }
  return getBatch({ ctx, input: { batchId }, store });
}
