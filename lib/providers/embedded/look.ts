import { Path2D, type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, type Rgb } from "./color";
import type { Rng } from "./rng";

export type TreatmentName = "plain" | "watercolor" | "oil" | "anime" | "deco" | "pixel";

/** How a style paints shapes; the scene code stays the same for every style. */
export interface Look {
  name: TreatmentName;
  /** 0 = smooth sky gradient, otherwise the number of flat bands. */
  skyBands: number;
  /** Multiplier on ridge jaggedness: deco wants clean facets, watercolor soft wobbles. */
  roughness: number;
  /** Whether glows use soft radial gradients (off for flat styles). */
  softGlow: boolean;
  /** How far the sky is brightened toward the palette's light end; gives each style its own key. */
  skyLift: number;
  fill(ctx: SKRSContext2D, path: Path2D, color: Rgb, alpha?: number): void;
}

// Whole words only, so "pink" is not ink and "excellent" is not cel shading.
const RULES: readonly [RegExp, TreatmentName][] = [
  [/\b(water-?colou?r|aquarel\w*|wash|pastel|ink)\b/, "watercolor"],
  [/\b(oil|oil-?painting|painting|painterly|impasto|impressionis[mt]|gouache|acrylic|van-?gogh)\b/, "oil"],
  [/\b(anime|manga|cartoon|comic|cel|cel-?shaded|ghibli|illustration|kawaii)\b/, "anime"],
  [/\b(pixel|pixel-?art|8-?bit|16-?bit|voxel|retro-?game)\b/, "pixel"],
  [/\b(art-?deco|deco|geometric|poster|bauhaus|retro|vintage|gatsby)\b/, "deco"],
];

/** Outline of the filled area only: without this, every overlapping lump of a cloud gets a stroke. */
function outline(path: Path2D): Path2D {
  return new Path2D(path).simplify();
}

const SKY_LIFT: Record<TreatmentName, number> = { plain: 0, watercolor: 0.2, oil: 0, anime: 0.45, deco: 0.1, pixel: 0.28 };

export function treatmentFor(styleSlug: string): TreatmentName {
  const slug = styleSlug.toLowerCase();
  return RULES.find(([re]) => re.test(slug))?.[1] ?? "plain";
}

export function createLook(name: TreatmentName, rng: Rng, u: number, pal: readonly Rgb[]): Look {
  const base = { name, skyBands: 0, roughness: 1, softGlow: true, skyLift: SKY_LIFT[name] };
  switch (name) {
    case "watercolor":
      return {
        ...base,
        roughness: 0.7,
        // Several offset translucent washes give the uneven pigment and darker edges of wet paint.
        fill(ctx, path, color, alpha = 1) {
          for (let i = 0; i < 3; i++) {
            ctx.save();
            ctx.translate(rng.range(-1, 1) * u * 0.006, rng.range(-1, 1) * u * 0.004);
            ctx.fillStyle = css(color, alpha * 0.42);
            ctx.fill(path);
            ctx.restore();
          }
          ctx.save();
          ctx.strokeStyle = css(mix(color, pal[0], 0.35), alpha * 0.25);
          ctx.lineWidth = u * 0.003;
          ctx.stroke(outline(path));
          ctx.restore();
        },
      };
    case "anime":
    case "deco": {
      const anime = name === "anime";
      return {
        ...base,
        skyBands: anime ? 7 : 9,
        roughness: anime ? 0.45 : 0,
        softGlow: anime,
        fill(ctx, path, color, alpha = 1) {
          ctx.fillStyle = css(color, alpha);
          ctx.fill(path);
          ctx.strokeStyle = anime ? css(mix(color, pal[0], 0.65), alpha) : css(pal[5], alpha * 0.8);
          ctx.lineWidth = u * (anime ? 0.0035 : 0.002);
          ctx.lineJoin = "round";
          ctx.stroke(outline(path));
        },
      };
    }
    default:
      return {
        ...base,
        fill(ctx, path, color, alpha = 1) {
          ctx.fillStyle = css(color, alpha);
          ctx.fill(path);
        },
      };
  }
}
