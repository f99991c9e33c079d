import { Path2D } from "@napi-rs/canvas";
import { mix } from "./color";
import type { Frame } from "./frame";

/** A cumulus as a union of circles: arcs wound the same way fill as one shape under nonzero. */
function puff(cx: number, cy: number, w: number, h: number, lumps: number, jitter: () => number): Path2D {
  const p = new Path2D();
  for (let i = 0; i < lumps; i++) {
    const t = lumps === 1 ? 0.5 : i / (lumps - 1);
    const x = cx - w / 2 + t * w;
    // Bigger lumps in the middle give the classic dome silhouette.
    const r = h * (0.42 + 0.4 * Math.sin(Math.PI * t)) * (0.8 + 0.4 * jitter());
    // Every lump rests on the same baseline, giving the flat underside of a fair-weather cloud.
    const y = cy - r;
    p.moveTo(x + r, y);
    p.arc(x, y, r, 0, Math.PI * 2);
  }
  p.rect(cx - w / 2, cy - h * 0.4, w, h * 0.4);
  return p;
}

export function drawClouds(f: Frame): void {
  const { ctx, W, horizon, rng, u, pal, look, plan, hd } = f;
  const m = plan.motifs;
  const stormy = m.has("rain");
  let count = m.has("clouds") ? rng.int(4, 7) : rng.int(1, 3);
  if (hd) count += 2;
  if (plan.time === "night") count = Math.ceil(count / 2);

  const lit = plan.time === "night" ? mix(pal[1], pal[2], 0.6) : stormy ? mix(pal[2], pal[3], 0.5) : mix(pal[4], pal[5], 0.8);
  const shade = plan.time === "night" ? pal[1] : stormy ? pal[1] : mix(pal[3], pal[4], 0.4);
  const alpha = plan.time === "night" ? 0.55 : 0.9;

  for (let i = 0; i < count; i++) {
    const w = u * rng.range(0.18, 0.38) * (stormy ? 1.6 : 1);
    const h = w * rng.range(0.22, 0.32);
    const cx = rng.next() * W;
    const cy = Math.max(h * 1.5, horizon * rng.range(0.12, 0.6));
    const lumps = Math.max(4, Math.round(w / (h * 0.75))) + rng.int(0, 1);
    const seed = rng.next();
    let k = 0;
    const jitter = () => ((Math.sin((seed * 97 + k++) * 12.9898) * 43758.5453) % 1 + 1) % 1;
    if (plan.time === "sunset" && !stormy && look.name !== "anime" && rng.chance(0.5)) {
      // Long thin streaks catch low sunlight better than puffs.
      const p = new Path2D();
      p.ellipse(cx, cy, w * 0.9, h * 0.18, 0, 0, Math.PI * 2);
      look.fill(ctx, p, mix(pal[4], pal[5], 0.5), 0.55);
      continue;
    }
    const under = puff(cx, cy + h * 0.12, w, h, lumps, jitter);
    k = 0;
    const over = puff(cx - w * 0.03, cy - h * 0.05, w * 0.94, h * 0.9, lumps, jitter);
    look.fill(ctx, under, shade, alpha);
    look.fill(ctx, over, lit, alpha);
  }
}
