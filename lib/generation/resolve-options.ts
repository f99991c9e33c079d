import { badRequest } from "@/lib/errors";
import type { Catalog, ModelRow, ShapeRow, StyleRow } from "@/lib/catalog/load-catalog";
import type { Quality } from "@/lib/catalog/schemas";

export interface ResolvedOptions {
  model: ModelRow;
  style: StyleRow;
  shape: ShapeRow;
  quality: Quality;
  unitPrice: number;
}

const list = (slugs: string[]) => slugs.join(", ");

/** Turns requested slugs into catalog rows; an unknown slug names every valid one. */
export function resolveOptions(
  c: Catalog,
  req: { model?: string; style?: string; shape?: string; quality?: Quality },
): ResolvedOptions {
  const model = req.model ? c.modelBySlug.get(req.model) : c.defaultModel;
  const available = () => list(c.models.filter(c.isAvailable).map((m) => m.slug)) || "none (no worker is running)";
  if (!model) throw badRequest(`Unknown model '${req.model}'. Available models: ${available()}.`);
  if (!c.isAvailable(model)) {
    throw badRequest(
      `Model '${model.slug}' is in the catalog but not available on this server: no running worker is configured for its provider (${model.provider}). ` +
        `Available models: ${available()}.`,
    );
  }
  const styleSlug = req.style ?? "no-style";
  const style = c.styleBySlug.get(styleSlug) ?? c.styles.find((s) => s.alias.includes(styleSlug.toLowerCase()));
  if (!style) throw badRequest(`Unknown style '${styleSlug}'. Valid styles: ${list(c.styles.map((s) => s.slug))}.`);
  const shapeSlug = req.shape ?? "square";
  const shape = c.shapeBySlug.get(shapeSlug);
  if (!shape) throw badRequest(`Unknown shape '${shapeSlug}'. Valid shapes: ${list(c.shapes.map((s) => s.slug))}.`);
  const quality = req.quality ?? "standard";
  const unitPrice = quality === "hd" ? model.priceHd : model.priceStandard;
  return { model, style, shape, quality, unitPrice };
}

// A function replacement, so "$&" and friends in a user's prompt are taken literally.
export const applyStyle = (template: string, prompt: string) => template.replace("{prompt}", () => prompt);
