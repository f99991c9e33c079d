import type { SKRSContext2D } from "@napi-rs/canvas";
import { mix, type Rgb } from "./color";
import type { Look } from "./look";
import { hasGround, type ScenePlan } from "./plan-scene";
import type { Rng } from "./rng";

export interface SkyColors {
  top: Rgb;
  mid: Rgb;
  horizon: Rgb;
}

export interface Light {
  kind: "sun" | "moon";
  x: number;
  y: number;
  r: number;
}

/** Everything a drawing step needs; built once per render. */
export interface Frame {
  ctx: SKRSContext2D;
  W: number;
  H: number;
  /** The short side: sizes scale with it so shapes keep their proportions in any aspect ratio. */
  u: number;
  rng: Rng;
  pal: readonly Rgb[];
  look: Look;
  plan: ScenePlan;
  hd: boolean;
  horizon: number;
  sky: SkyColors;
  light: Light | null;
}

/** `lift` brightens the sky toward the light end of the palette (anime nights are blue, not black). */
/**
 * How many short-side squares fit along the width, for scaling counts of small marks (rain,
 * ripples, flowers). Capped: a 2048×64 banner needs texture, not thirty times the marks.
 */
export function spread(f: Pick<Frame, "W" | "u">): number {
  return Math.min(f.W / f.u, 3);
}

export function skyColors(pal: readonly Rgb[], time: ScenePlan["time"], lift = 0): SkyColors {
  let s: SkyColors;
  if (time === "night") s = { top: pal[0], mid: mix(pal[0], pal[1], 0.7), horizon: mix(pal[1], pal[2], 0.6) };
  else if (time === "sunset") s = { top: mix(pal[1], pal[2], 0.3), mid: mix(pal[2], pal[3], 0.7), horizon: mix(pal[4], pal[5], 0.5) };
  else s = { top: mix(pal[2], pal[3], 0.75), mid: mix(pal[3], pal[4], 0.7), horizon: mix(pal[4], pal[5], 0.75) };
  return { top: mix(s.top, pal[3], lift), mid: mix(s.mid, pal[4], lift), horizon: mix(s.horizon, pal[5], lift * 0.7) };
}

/** Sky colour at height y, matching the gradient drawSky paints (used by reflections and fog). */
export function skyAt(f: Pick<Frame, "sky" | "horizon">, y: number): Rgb {
  const t = Math.max(0, Math.min(1, y / f.horizon));
  return t < 0.55 ? mix(f.sky.top, f.sky.mid, t / 0.55) : mix(f.sky.mid, f.sky.horizon, (t - 0.55) / 0.45);
}

export function horizonFor(plan: ScenePlan, W: number, H: number, rng: Rng): number {
  const m = plan.motifs;
  const portrait = W / H < 0.9;
  let frac = portrait ? 0.64 : 0.6;
  if (m.has("water")) frac = portrait ? 0.56 : 0.52;
  else if (m.has("city")) frac = 0.72;
  else if (m.has("forest")) frac = portrait ? 0.6 : 0.62;
  else if (!hasGround(plan)) return H;
  return Math.round(H * (frac + rng.range(-0.03, 0.03)));
}

export function mountainHeight(horizon: number, u: number): number {
  return Math.min(horizon * 0.62, u * 0.55);
}

/** Tallest tower the city draws; shared so a low sun can be placed above the skyline. */
export function skylineHeight(W: number, H: number, horizon: number): number {
  return horizon * (W / H < 0.9 ? 0.62 : 0.45);
}

export function lightFor(plan: ScenePlan, W: number, H: number, u: number, horizon: number, rng: Rng): Light | null {
  const m = plan.motifs;
  const x = W * rng.range(0.2, 0.8);
  if (m.has("sun")) {
    if (plan.time === "sunset") {
      const r = u * rng.range(0.09, 0.13);
      // Behind mountains or towers the sun sits among the peaks rather than vanishing behind them.
      let lift = r * rng.range(0.1, 1.3);
      if (m.has("mountains")) lift = mountainHeight(horizon, u) * rng.range(0.55, 0.95);
      else if (m.has("city")) lift = skylineHeight(W, H, horizon) * rng.range(0.7, 1.05);
      return { kind: "sun", x, y: horizon - lift, r };
    }
    return { kind: "sun", x, y: Math.min(H * rng.range(0.12, 0.28), horizon * 0.45), r: u * rng.range(0.06, 0.09) };
  }
  if (m.has("moon")) return { kind: "moon", x, y: Math.min(H * rng.range(0.1, 0.26), horizon * 0.45), r: u * rng.range(0.045, 0.07) };
  return null;
}
