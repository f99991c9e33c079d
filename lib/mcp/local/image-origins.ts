import { createHttpPort, type HttpPortSettings } from "./http-port";

/**
 * Where the instance's image URLs point, as the bundle can learn it: the origin of the newest
 * image URL the API hands out (the app itself, or an S3 endpoint), else the app's own origin.
 * The bundle knows only the base URL and the API exposes no storage setting, and a signed URL
 * is the one answer that cannot disagree with the images the views will show. Its one gap:
 * an S3-backed account with no images yet allows the app's origin until its first image.
 */
export async function imageOriginsOverHttp(settings: HttpPortSettings): Promise<string[]> {
  const own = new URL(settings.baseUrl).origin;
  try {
    const { images } = await createHttpPort({ ...settings, timeoutMs: 5_000 }).listImages({ limit: 10 });
    const url = images.find((i) => i.url)?.url;
    return [url ? new URL(url).origin : own];
  } catch {
    return [own];
  }
}
