import { createCanvas } from "@napi-rs/canvas";
import { normalizePalette } from "./color";
import { composeScene } from "./compose-scene";
import { encodeRgba, type RenderFormat } from "./encode";
import { finish } from "./finish";
import { horizonFor, lightFor, skyColors, type Frame } from "./frame";
import { createLook, treatmentFor } from "./look";
import { planScene } from "./plan-scene";
import { hashSeed, mulberry32 } from "./rng";
import { validateSpec } from "./validate-spec";

export type { RenderFormat };

export interface RenderSpec {
  prompt: string;
  /** Any safe integer. */
  seed: number;
  /** Exact output width in px (64..2048). */
  width: number;
  /** Exact output height in px (64..2048). */
  height: number;
  /** The style preset's colours, "#rrggbb", [0] darkest/background … [5] lightest/highlight. */
  palette: string[];
  /** Feeds the seed and picks the rendering treatment (watercolor, anime, art-deco, oil, …). */
  styleSlug: string;
  /** hd adds detail layers; it never changes the size. */
  quality: "standard" | "hd";
  format: RenderFormat;
}

export interface RenderResult {
  bytes: Uint8Array;
  mimeType: "image/png" | "image/webp";
  width: number;
  height: number;
}

/** Draws a deterministic abstract scene for the prompt: same spec, same pixels and bytes. */
export async function renderProcedural(spec: RenderSpec): Promise<RenderResult> {
  validateSpec(spec);
  const { prompt, seed, width: W, height: H, styleSlug, quality, format } = spec;
  const rng = mulberry32(hashSeed(prompt, String(seed), styleSlug, quality));
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext("2d");
  const u = Math.min(W, H);
  const pal = normalizePalette(spec.palette);
  const plan = planScene(prompt);
  const horizon = horizonFor(plan, W, H, rng);
  const look = createLook(treatmentFor(styleSlug), rng, u, pal);
  const frame: Frame = {
    ctx, W, H, u, rng, pal, plan, horizon, look,
    hd: quality === "hd",
    sky: skyColors(pal, plan.time, look.skyLift),
    light: lightFor(plan, W, H, u, horizon, rng),
  };
  composeScene(frame, canvas);
  finish(frame, canvas);
  const rgba = ctx.getImageData(0, 0, W, H).data;
  const bytes = await encodeRgba(rgba, W, H, format);
  return { bytes, mimeType: format === "png" ? "image/png" : "image/webp", width: W, height: H };
}
