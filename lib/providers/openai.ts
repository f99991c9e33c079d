import { createOpenAI } from "@ai-sdk/openai";
import type { ImageModelV3 } from "@ai-sdk/provider";

export function createOpenAiImageModel(cfg: { apiKey: string; baseURL?: string }, modelId: string): ImageModelV3 {
  return createOpenAI({ apiKey: cfg.apiKey, baseURL: cfg.baseURL }).image(modelId);
}

// GPT image models accept only these sizes; a shape is snapped to the nearest aspect.
const OPENAI_SIZES = [
  { size: "1024x1024", ratio: 1 },
  { size: "1536x1024", ratio: 1.5 },
  { size: "1024x1536", ratio: 2 / 3 },
] as const;

export function openAiSize(width: number, height: number): `${number}x${number}` {
  const r = width / height;
  return OPENAI_SIZES.reduce((a, b) => (Math.abs(Math.log(b.ratio / r)) < Math.abs(Math.log(a.ratio / r)) ? b : a))
    .size as `${number}x${number}`;
}
