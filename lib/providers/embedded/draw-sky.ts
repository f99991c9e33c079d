import { Path2D } from "@napi-rs/canvas";
import { css, mix } from "./color";
import { skyAt, type Frame } from "./frame";

/** Fills the whole canvas with the sky, so anything below the horizon starts from a matching tone. */
export function drawSky(f: Frame): void {
  const { ctx, W, H, horizon, sky, look } = f;
  if (look.skyBands > 0) {
    const n = look.skyBands;
    for (let i = 0; i < n; i++) {
      const y0 = Math.floor((horizon * i) / n);
      ctx.fillStyle = css(skyAt(f, ((i + 0.5) / n) * horizon));
      ctx.fillRect(0, y0, W, Math.ceil(horizon / n) + 1);
    }
    ctx.fillStyle = css(sky.horizon);
    ctx.fillRect(0, horizon, W, H - horizon);
    return;
  }
  const g = ctx.createLinearGradient(0, 0, 0, horizon);
  g.addColorStop(0, css(sky.top));
  g.addColorStop(0.55, css(sky.mid));
  g.addColorStop(1, css(sky.horizon));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, W, horizon);
  ctx.fillStyle = css(sky.horizon);
  ctx.fillRect(0, horizon, W, H - horizon);
}

export function drawStars(f: Frame): void {
  const { ctx, W, horizon, rng, u, pal, hd, look } = f;
  const count = Math.round((W * horizon) / (hd ? 1800 : 3600));
  // One path per brightness bucket keeps this to a handful of fill calls however many stars there are.
  const buckets = [new Path2D(), new Path2D(), new Path2D()];
  for (let i = 0; i < count; i++) {
    const x = rng.next() * W;
    // Squaring biases stars toward the top, where the sky is darkest.
    const y = rng.next() ** 1.6 * horizon * 0.92;
    const b = rng.int(0, 2);
    const r = u * (0.0012 + 0.0012 * b) * rng.range(0.7, 1.3);
    buckets[b].moveTo(x + r, y);
    buckets[b].arc(x, y, r, 0, Math.PI * 2);
  }
  buckets.forEach((p, b) => {
    ctx.fillStyle = css(mix(pal[4], pal[5], 0.6 + b * 0.2), 0.35 + b * 0.3);
    ctx.fill(p);
  });
  if (look.name === "anime" || look.name === "deco" || hd) {
    const sparkles = new Path2D();
    for (let i = 0; i < (hd ? 14 : 7); i++) {
      const x = rng.next() * W;
      const y = rng.next() * horizon * 0.6;
      const s = u * rng.range(0.008, 0.016);
      sparkles.moveTo(x, y - s);
      sparkles.quadraticCurveTo(x, y, x + s * 0.7, y);
      sparkles.quadraticCurveTo(x, y, x, y + s);
      sparkles.quadraticCurveTo(x, y, x - s * 0.7, y);
      sparkles.quadraticCurveTo(x, y, x, y - s);
    }
    ctx.fillStyle = css(pal[5], 0.9);
    ctx.fill(sparkles);
  }
}

/** Big soft colour clouds behind a planet; also gives night skies some depth in hd. */
export function drawNebula(f: Frame, count: number): void {
  const { ctx, W, horizon, rng, u, pal } = f;
  for (let i = 0; i < count; i++) {
    const x = rng.next() * W;
    const y = rng.next() * horizon * 0.8;
    const r = u * rng.range(0.25, 0.55);
    const c = pal[rng.int(2, 4)];
    const g = ctx.createRadialGradient(x, y, 0, x, y, r);
    g.addColorStop(0, css(c, 0.3));
    g.addColorStop(1, css(c, 0));
    ctx.fillStyle = g;
    ctx.fillRect(x - r, y - r, r * 2, r * 2);
  }
}
