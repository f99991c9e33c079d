import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors";
import { renderProcedural } from "@/lib/providers/embedded/render";
import { loadCatalog } from "./load-catalog";

const cache = new Map<string, Promise<Uint8Array>>();

/** A small WebP swatch of a style, drawn by the embedded renderer and kept in memory. */
export async function renderStylePreview(db: Db, slug: string): Promise<Uint8Array> {
  const style = (await loadCatalog(db)).styleBySlug.get(slug);
  if (!style) throw notFound("Style", slug);
  const key = `${style.slug}:${style.palette.join(",")}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = renderProcedural({
      prompt: `${style.name} landscape with mountains, a lake and the sun`,
      seed: 1,
      width: 256,
      height: 256,
      palette: style.palette,
      styleSlug: style.slug,
      quality: "standard",
      format: "webp",
    }).then((r) => r.bytes);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}
