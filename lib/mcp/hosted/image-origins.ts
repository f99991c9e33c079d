import { getRuntime } from "@/lib/runtime";
import type { ImageStore } from "@/lib/storage/image-store";

/**
 * Where a store's image URLs point: the app's own origin for the local store, the bucket's
 * endpoint for S3. Read off a URL the store signs (no request is made), so it follows whatever
 * the store is configured with and can never disagree with the URLs the tools hand out.
 */
export async function imageOriginsOf(store: ImageStore): Promise<string[]> {
  const { url } = await store.url("csp-probe.png");
  return [new URL(url).origin];
}

/** The running server's image origins, for the views' CSP. */
export const storeImageOrigins = async () => imageOriginsOf((await getRuntime()).store);
