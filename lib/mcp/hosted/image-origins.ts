import { getRuntime } from "@/lib/runtime";

/**
 * Where this server's image URLs point: the app's own origin for the local store, the bucket's
 * endpoint for S3. Read off a URL the store signs (no request is made), so it follows whatever
 * the store is configured with and can never disagree with the URLs the tools hand out.
 */
export async function storeImageOrigins(): Promise<string[]> {
  const { url } = await (await getRuntime()).store.url("csp-probe.png");
  return [new URL(url).origin];
}
