import { Path2D } from "@napi-rs/canvas";
import { css, mix } from "./color";
import { spread, type Frame } from "./frame";

export function drawBirds(f: Frame): void {
  const { ctx, rng, u, W, horizon, pal, plan } = f;
  const p = new Path2D();
  const cx = W * rng.range(0.2, 0.8);
  const cy = horizon * rng.range(0.2, 0.5);
  for (let i = 0; i < rng.int(5, 11); i++) {
    const x = cx + rng.range(-1, 1) * u * 0.22;
    const y = cy + rng.range(-1, 1) * u * 0.09;
    const s = u * rng.range(0.01, 0.022);
    const lift = s * rng.range(0.2, 0.6);
    p.moveTo(x - s, y - lift);
    p.quadraticCurveTo(x - s * 0.4, y - lift * 1.3, x, y);
    p.quadraticCurveTo(x + s * 0.4, y - lift * 1.3, x + s, y - lift);
  }
  ctx.strokeStyle = css(plan.time === "night" ? pal[4] : pal[0], 0.85);
  ctx.lineWidth = u * 0.0035;
  ctx.lineCap = "round";
  ctx.stroke(p);
}

export function drawWeather(f: Frame): void {
  const { ctx, rng, u, W, H, pal, plan, hd } = f;
  if (plan.motifs.has("rain")) {
    const p = new Path2D();
    const slant = u * 0.012;
    for (let i = 0; i < (hd ? 500 : 260) * spread(f); i++) {
      const x = rng.next() * (W + slant * 4);
      const y = rng.next() * H;
      const len = u * rng.range(0.02, 0.05);
      p.moveTo(x, y);
      p.lineTo(x - slant, y + len);
    }
    ctx.strokeStyle = css(pal[4], 0.35);
    ctx.lineWidth = u * 0.0015;
    ctx.stroke(p);
  }
  if (plan.motifs.has("snow")) {
    const p = new Path2D();
    for (let i = 0; i < (hd ? 450 : 220) * spread(f); i++) {
      const x = rng.next() * W;
      const y = rng.next() * H;
      const r = u * rng.range(0.0015, 0.005);
      p.moveTo(x + r, y);
      p.arc(x, y, r, 0, Math.PI * 2);
    }
    ctx.fillStyle = css(pal[5], 0.8);
    ctx.fill(p);
  }
}

/** Soft out-of-focus discs: city lights, lanterns, fireflies, and extra depth in hd night scenes. */
export function drawBokeh(f: Frame, count: number): void {
  const { ctx, rng, u, W, H, pal, look } = f;
  for (let i = 0; i < count; i++) {
    const x = rng.next() * W;
    const y = H * rng.range(0.3, 1);
    const r = u * rng.range(0.012, 0.045);
    const c = pal[rng.int(3, 5)];
    if (look.softGlow) {
      const g = ctx.createRadialGradient(x, y, r * 0.2, x, y, r);
      g.addColorStop(0, css(c, 0.45));
      g.addColorStop(0.8, css(c, 0.3));
      g.addColorStop(1, css(c, 0));
      ctx.fillStyle = g;
    } else {
      ctx.fillStyle = css(c, 0.35);
    }
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
  }
}

export function drawFlowers(f: Frame): void {
  const { ctx, rng, u, W, H, horizon, pal, look } = f;
  const stems = new Path2D();
  const heads = [new Path2D(), new Path2D(), new Path2D()];
  const n = Math.round((f.hd ? 160 : 90) * spread(f));
  for (let i = 0; i < n; i++) {
    const t = rng.next() ** 0.7;
    const y = horizon + (H - horizon) * (0.35 + 0.65 * t);
    const x = rng.next() * W;
    const s = u * (0.004 + 0.014 * t);
    stems.moveTo(x, y);
    stems.lineTo(x + rng.range(-0.3, 0.3) * s, y - s * 3);
    const head = heads[rng.int(0, 2)];
    head.moveTo(x + s, y - s * 3);
    head.arc(x, y - s * 3, s, 0, Math.PI * 2);
  }
  ctx.strokeStyle = css(mix(pal[1], pal[2], 0.5), 0.8);
  ctx.lineWidth = u * 0.002;
  ctx.stroke(stems);
  heads.forEach((p, i) => look.fill(ctx, p, mix(pal[3 + i], pal[5], 0.15)));
}
