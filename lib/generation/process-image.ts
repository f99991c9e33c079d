import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { batches } from "@/db/schema";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { log } from "@/lib/log";
import type { ModelResolver } from "@/lib/providers/registry";
import { extensionFor, type ImageStore } from "@/lib/storage/image-store";
import type { ClaimedImage } from "./claim-images";
import { renderImage } from "./render-image";
import { completeImage, failImage, LeaseLostError, retryImage } from "./settle-image";

export interface WorkerDeps {
  db: Db;
  store: ImageStore;
  resolveModel: ModelResolver;
  leaseSeconds: number;
  maxAttempts: number;
  /** Back-off before attempt n+1, in ms. */
  backoffMs?: (attempt: number) => number;
}

const PUBLIC_FAILURE = "The image could not be generated after several attempts; its credits were refunded.";
const defaultBackoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);

/** Renders one claimed image, stores it and settles it; failures retry with back-off, then refund. */
export async function processImage(deps: WorkerDeps, img: ClaimedImage): Promise<void> {
  try {
    if (img.attempts > deps.maxAttempts) {
      // Claimed again after its worker died on the last allowed attempt.
      await failImage(deps.db, img, PUBLIC_FAILURE);
      return;
    }
    const [batch] = await deps.db.select().from(batches).where(eq(batches.id, img.batchId));
    const catalog = await loadCatalog(deps.db);
    const model = catalog.modelBySlug.get(batch.model);
    const style = catalog.styleBySlug.get(batch.style);
    const shape = catalog.shapeBySlug.get(batch.shape);
    if (!model || !style || !shape) throw new Error(`catalog entry missing for batch ${batch.id}`);

    // Give up before the lease ends, so no other worker starts the same image meanwhile.
    const signal = AbortSignal.timeout(Math.max(1000, deps.leaseSeconds * 800));
    const out = await renderImage(
      deps.resolveModel,
      { prompt: batch.prompt, seed: img.seed, quality: batch.quality, model, style, shape },
      signal,
    );
    const key = `${img.batchId}/${img.id}.${extensionFor(out.mimeType)}`;
    await deps.store.put(key, out.bytes, { contentType: out.mimeType });
    await completeImage(deps.db, img, {
      key,
      mimeType: out.mimeType,
      bytes: out.bytes.byteLength,
      width: out.width,
      height: out.height,
    });
  } catch (err) {
    if (err instanceof LeaseLostError) {
      log.warn("lease lost; another worker owns the image", { imageId: img.id });
      return;
    }
    log.warn("image attempt failed", { imageId: img.id, attempt: img.attempts, err });
    try {
      if (img.attempts >= deps.maxAttempts) await failImage(deps.db, img, PUBLIC_FAILURE);
      else await retryImage(deps.db, img, (deps.backoffMs ?? defaultBackoff)(img.attempts));
    } catch (settleErr) {
      // The lease will expire and the image will be claimed again: nothing is lost.
      if (!(settleErr instanceof LeaseLostError)) log.error("could not settle image", { imageId: img.id, err: settleErr });
    }
  }
}
