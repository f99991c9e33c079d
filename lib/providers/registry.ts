import type { ImageModelV3 } from "@ai-sdk/provider";
import type { Config } from "@/lib/config";
import type { ModelRow } from "@/lib/catalog/load-catalog";
import { createEmbeddedImageModel } from "./embedded/embedded-image-model";
import { createOpenAiImageModel } from "./openai";

/** Providers this process can call: the embedded renderer always, others when configured. */
export function configuredProviders(config: Config): Set<string> {
  const set = new Set(["embedded"]);
  if (config.providers.openai) set.add("openai");
  return set;
}

export type ModelResolver = (model: ModelRow) => ImageModelV3;

export function createModelResolver(config: Config): ModelResolver {
  const embedded = createEmbeddedImageModel();
  const cache = new Map<string, ImageModelV3>();
  return (row) => {
    if (row.provider === "embedded") return embedded;
    let model = cache.get(row.slug);
    if (!model) {
      if (row.provider === "openai" && config.providers.openai) {
        model = createOpenAiImageModel(config.providers.openai, row.providerModelId);
      } else {
        throw new Error(`no credentials configured for provider '${row.provider}' (model ${row.slug})`);
      }
      cache.set(row.slug, model);
    }
    return model;
  };
}
