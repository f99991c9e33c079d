import type { Db } from "@/db/client";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { putPreviewOrNull } from "@/lib/images/store-preview";
import { log } from "@/lib/log";
import { isProviderError, type ProviderError } from "@/lib/providers/errors";
import type { ProviderClient, ProviderHandle, ProviderJob } from "@/lib/providers/types";
import { extensionFor, type ImageStore } from "@/lib/storage/image-store";
import { batchSpec } from "./batch-spec";
import type { ClaimedImage } from "./claim-images";
import { approximationNote, inspectImage } from "./inspect-image";
import { applyStyle } from "./resolve-options";
import { runProviderJob } from "./run-provider-job";
import { completeImage, failImage, LeaseLostError, retryImage, saveProviderJob, type ImageErrorCode } from "./settle-image";

export interface WorkerDeps {
  db: Db;
  store: ImageStore;
  /** The providers this process can run, by catalog provider name. */
  providers: ReadonlyMap<string, ProviderClient>;
  leaseSeconds: number;
  maxAttempts: number;
  /** An image's overall deadline from its first claim (PROVIDER_TIMEOUT_SECONDS). */
  timeoutSeconds: number;
  /** Back-off before attempt n+1, in ms. */
  backoffMs?: (attempt: number) => number;
  /** A provider answered 429: the worker holds back its other jobs for `ms`. */
  onRateLimited?: (provider: string, ms: number) => void;
}

const defaultBackoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);

type Failure = { message: string; code: ImageErrorCode };
const GAVE_UP: Failure = { code: "provider_failed", message: "The image could not be generated after several attempts; its credits were refunded." };

/** What the user reads for a final failure: plain words a model can relay, never provider text. */
function finalFailure(err: ProviderError, model: string): Failure | null {
  switch (err.kind) {
    case "moderation":
      return {
        code: "content_flagged",
        message: `The provider of ${model} refused this prompt or its image under its content policy, so no image was made; its credits were refunded. Rephrase the prompt without restricted content and try again.`,
      };
    case "invalid":
      return {
        code: "provider_failed",
        message: `The provider of ${model} rejected the request as invalid (for example a size or setting it does not support); its credits were refunded. Try another shape or model.`,
      };
    case "auth":
      return {
        code: "provider_failed",
        message: `The provider of ${model} refused this server's credentials, so no image was made; its credits were refunded. The server's operator needs to check the provider key.`,
      };
    default:
      return null;
  }
}

/** Runs one claimed image to the end: stored and charged, retried later, or failed and refunded once. */
export async function processImage(deps: WorkerDeps, img: ClaimedImage, leaseLost?: AbortSignal): Promise<void> {
  const deadlineMs = img.deadlineAt ? img.deadlineAt.getTime() : Date.now() + deps.timeoutSeconds * 1000;
  const remainingMs = deadlineMs - Date.now();
  const deadline = AbortSignal.timeout(Math.max(1, remainingMs));
  const signal = leaseLost ? AbortSignal.any([deadline, leaseLost]) : deadline;
  let provider = img.provider;
  let model = "this model";
  let prompts: string[] = [];
  try {
    if (img.attempts > deps.maxAttempts) return await failImage(deps.db, img, GAVE_UP); // its worker died on the last attempt
    if (remainingMs <= 0) throw new Error("deadline passed before the attempt started");

    const batch = await batchSpec(deps.db, img.batchId);
    if (!batch) throw new Error(`batch ${img.batchId} is missing`);
    const catalog = await loadCatalog(deps.db);
    const row = catalog.modelBySlug.get(batch.model);
    const style = catalog.styleBySlug.get(batch.style);
    const shape = catalog.shapeBySlug.get(batch.shape);
    if (!row || !style || !shape) throw new Error(`catalog entry missing for batch ${batch.id}`);
    provider = row.provider;
    model = row.slug;
    const client = deps.providers.get(row.provider);
    if (!client) throw new Error(`this worker cannot run provider ${row.provider}`);

    prompts = [batch.prompt, applyStyle(style.prompt, batch.prompt)];
    const job: ProviderJob = {
      modelId: row.providerModelId,
      prompt: applyStyle(style.prompt, batch.prompt),
      rawPrompt: batch.prompt,
      seed: row.capabilities.seed ? img.seed : undefined,
      quality: batch.quality,
      shape: { slug: shape.slug, width: shape.width, height: shape.height, aspectRatio: shape.aspectRatio },
      style: { slug: style.slug, palette: style.palette },
      output: row.capabilities.output,
    };
    const bytes = await runProviderJob(client, job, { signal }, {
      handle: (img.providerJob as ProviderHandle | null) ?? null,
      saveHandle: (h) => saveProviderJob(deps.db, img, h),
    });
    const made = await inspectImage(bytes);
    const key = `${img.batchId}/${img.id}.${extensionFor(made.mimeType)}`;
    await deps.store.put(key, bytes, { contentType: made.mimeType });
    const preview = await putPreviewOrNull(deps.store, { id: img.id, storageKey: key }, bytes);
    await completeImage(deps.db, img, { key, mimeType: made.mimeType, bytes: bytes.byteLength, width: made.width, height: made.height, note: approximationNote(job.shape, made), preview });
  } catch (err) {
    const timedOut = deadline.aborted || Date.now() >= deadlineMs;
    await settleFailure(deps, img, err, { provider, model, prompts, leaseLost, timedOut });
  }
}

async function settleFailure(
  deps: WorkerDeps,
  img: ClaimedImage,
  err: unknown,
  at: { provider: string; model: string; prompts: string[]; leaseLost?: AbortSignal; timedOut: boolean },
): Promise<void> {
  if (err instanceof LeaseLostError || at.leaseLost?.aborted) {
    log.warn("lease lost; another worker owns the image", { imageId: img.id });
    return;
  }
  const pe = isProviderError(err) ? err : null;
  log.warn("image attempt failed", {
    imageId: img.id,
    provider: at.provider,
    attempt: img.attempts,
    kind: at.timedOut ? "timeout" : (pe?.kind ?? "error"),
    // The provider's own words help the operator; a prompt it echoes back must not reach the log.
    detail: withoutEcho(pe?.detail, at.prompts),
    err,
  });
  try {
    if (at.timedOut) {
      const message = `The provider did not finish the image within ${deps.timeoutSeconds} seconds, so it was stopped; its credits were refunded.`;
      return await failImage(deps.db, img, { code: "timeout", message });
    }
    const final = pe && finalFailure(pe, at.model);
    if (final) return await failImage(deps.db, img, final);
    if (pe?.kind === "rate_limited") {
      // A 429 is the provider asking us to slow down, not a failure of this image.
      const wait = pe.retryAfterMs ?? 5_000;
      deps.onRateLimited?.(at.provider, wait);
      return await retryImage(deps.db, img, wait, { countAttempt: false });
    }
    if (img.attempts >= deps.maxAttempts) return await failImage(deps.db, img, GAVE_UP);
    await retryImage(deps.db, img, (deps.backoffMs ?? defaultBackoff)(img.attempts), { dropJob: pe?.jobFailed });
  } catch (settleErr) {
    // The lease will expire and the image will be claimed again: nothing is lost.
    if (!(settleErr instanceof LeaseLostError)) log.error("could not settle image", { imageId: img.id, err: settleErr });
  }
}

/** `detail` with every echo of the prompts (as sent, or JSON-escaped) replaced by "[prompt]". */
export function withoutEcho(detail: string | undefined, prompts: string[]): string | undefined {
  if (!detail) return detail;
  let out = detail;
  for (const p of prompts.filter((x) => x.length >= 4)) {
    for (const form of [p, JSON.stringify(p).slice(1, -1)]) out = out.split(form).join("[prompt]");
  }
  return out;
}
