import { Path2D, type Canvas } from "@napi-rs/canvas";
import { css, mix } from "./color";
import { spread, type Frame } from "./frame";

/**
 * Mirrors everything already drawn above the horizon into the water, then tints, ripples and
 * adds the glitter path of the sun or moon. Must run after the skyline/mountains, before foreground.
 */
export function drawWater(f: Frame, canvas: Canvas): void {
  const { ctx, W, H, horizon, rng, u, pal, light, hd, look, plan } = f;
  const depth = H - horizon;
  const src = Math.min(depth, horizon);
  ctx.save();
  ctx.translate(0, horizon * 2);
  ctx.scale(1, -1);
  ctx.drawImage(canvas, 0, horizon - src, W, src, 0, horizon - depth, W, depth);
  ctx.restore();

  const deep = plan.time === "night" ? pal[0] : mix(pal[1], pal[2], 0.5);
  const tint = ctx.createLinearGradient(0, horizon, 0, H);
  tint.addColorStop(0, css(mix(f.sky.horizon, pal[2], 0.3), 0.3));
  tint.addColorStop(1, css(deep, 0.8));
  ctx.fillStyle = tint;
  ctx.fillRect(0, horizon, W, depth);

  // Ripples get longer and further apart toward the viewer, which sells the perspective.
  const light1 = new Path2D();
  const dark = new Path2D();
  const n = Math.round(spread(f) * (hd ? 160 : 90));
  for (let i = 0; i < n; i++) {
    const t = rng.next() ** 1.5;
    const y = horizon + t * depth;
    const len = u * (0.015 + 0.16 * t) * rng.range(0.4, 1.2);
    const x = rng.next() * W;
    const th = u * (0.0015 + 0.004 * t);
    (rng.chance(0.5) ? light1 : dark).rect(x - len / 2, y, len, th);
  }
  const sheen = look.name === "anime" ? 0.5 : look.name === "watercolor" ? 0.12 : 0.22;
  ctx.fillStyle = css(mix(pal[4], pal[5], 0.5), sheen);
  ctx.fill(light1);
  ctx.fillStyle = css(pal[0], sheen * 0.8);
  ctx.fill(dark);

  if (light && light.y < horizon + light.r) {
    const path = new Path2D();
    const core = mix(pal[4], pal[5], light.kind === "sun" ? 0.6 : 0.9);
    for (let y = horizon + u * 0.004; y < H; y += u * rng.range(0.006, 0.014)) {
      const t = (y - horizon) / depth;
      const half = light.r * (0.5 + 1.6 * t) * rng.range(0.3, 1.1);
      const x = light.x + rng.range(-1, 1) * light.r * 0.4 * t;
      path.rect(x - half, y, half * 2, u * (0.002 + 0.004 * t));
    }
    ctx.fillStyle = css(core, 0.55);
    ctx.fill(path);
  }
  ctx.fillStyle = css(mix(f.sky.horizon, pal[5], 0.5), 0.6);
  ctx.fillRect(0, horizon - u * 0.001, W, u * 0.002);
}

/** A sandy foreground shore curving in from one side, with a foam line. */
export function drawBeach(f: Frame): void {
  const { ctx, W, H, horizon, rng, pal, u, look } = f;
  const fromLeft = rng.chance(0.5);
  const y0 = H - (H - horizon) * rng.range(0.3, 0.5);
  const y1 = H - (H - horizon) * rng.range(0.02, 0.15);
  const sx = (x: number) => (fromLeft ? x : W - x);
  const sand = new Path2D();
  sand.moveTo(sx(0), H);
  sand.lineTo(sx(0), y0);
  sand.bezierCurveTo(sx(W * 0.35), y0, sx(W * 0.55), y1, sx(W * 1.05), y1);
  sand.lineTo(sx(W * 1.05), H);
  sand.closePath();
  const foam = new Path2D();
  foam.moveTo(sx(0), y0 - u * 0.006);
  foam.bezierCurveTo(sx(W * 0.35), y0 - u * 0.006, sx(W * 0.55), y1 - u * 0.006, sx(W * 1.05), y1 - u * 0.006);
  ctx.strokeStyle = css(pal[5], 0.8);
  ctx.lineWidth = u * 0.008;
  ctx.stroke(foam);
  look.fill(ctx, sand, f.plan.time === "night" ? mix(pal[1], pal[2], 0.5) : mix(pal[3], pal[4], 0.6));
}
