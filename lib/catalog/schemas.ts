import { z } from "zod";
import type { ModelRow, ShapeRow, StyleRow } from "./load-catalog";

export const QUALITIES = ["standard", "hd"] as const;
export type Quality = (typeof QUALITIES)[number];

export const pricingView = z.object({
  standard: z.number().int().describe("Credits per image at standard quality"),
  hd: z.number().int().describe("Credits per image at hd quality"),
});

export const modelSummary = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  bestFor: z.string(),
  tags: z.array(z.string()),
  provider: z.string(),
  available: z.boolean().describe("True while a running worker of this server can run the model (its provider is configured there)"),
  default: z.boolean().describe("True for the model used when none is given"),
  pricing: pricingView,
});
export type ModelSummary = z.infer<typeof modelSummary>;
/** What list_models and GET /models answer: shared and frozen on the server (lib/catalog/list-models.ts). */
export type ModelList = Readonly<{ defaultModel: string; models: readonly ModelSummary[] }>;

export const modelDetail = modelSummary.extend({
  released: z.string(),
  researcher: z.string(),
  researcherUrl: z.string(),
  capabilities: z.object({
    seed: z.boolean(),
    referenceImages: z.boolean(),
    maxImagesPerCall: z.number().int(),
    output: z.enum(["raster", "vector"]),
  }),
  samplePrompts: z.array(z.string()),
  urls: z.object({ self: z.string() }),
});
export type ModelDetail = z.infer<typeof modelDetail>;

export const styleView = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  prompt: z.string().describe("Template; {prompt} is replaced by the user's prompt"),
  alias: z.array(z.string()),
  image: z.string().describe("URL of a small preview rendered in this style"),
});
export type StyleView = z.infer<typeof styleView>;

export const styleCategoryView = z.object({ category: z.string(), styles: z.array(styleView) });

export const shapeView = z.object({
  slug: z.string(),
  name: z.string(),
  aspectRatio: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  description: z.string(),
});
export type ShapeView = z.infer<typeof shapeView>;

export const toModelSummary = (m: ModelRow, defaultSlug: string, available: boolean): ModelSummary => ({
  slug: m.slug,
  name: m.name,
  description: m.description,
  bestFor: m.bestFor,
  tags: m.tags,
  provider: m.provider,
  available,
  default: m.slug === defaultSlug,
  pricing: { standard: m.priceStandard, hd: m.priceHd },
});

export const toModelDetail = (m: ModelRow, defaultSlug: string, available: boolean, appUrl: string): ModelDetail => ({
  ...toModelSummary(m, defaultSlug, available),
  released: m.released,
  researcher: m.researcher,
  researcherUrl: m.researcherUrl,
  capabilities: m.capabilities,
  samplePrompts: m.samplePrompts,
  urls: { self: `${appUrl}/api/v1/models/${m.slug}` },
});

export const toStyleView = (s: StyleRow, appUrl: string): StyleView => ({
  slug: s.slug,
  name: s.name,
  category: s.category,
  description: s.description,
  prompt: s.prompt,
  alias: s.alias,
  image: `${appUrl}/api/v1/styles/${s.slug}/preview`,
});

export const toShapeView = (s: ShapeRow): ShapeView => ({
  slug: s.slug,
  name: s.name,
  aspectRatio: s.aspectRatio,
  width: s.width,
  height: s.height,
  description: s.description,
});
