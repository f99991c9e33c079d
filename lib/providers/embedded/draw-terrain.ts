import { Path2D } from "@napi-rs/canvas";
import { css, mix, type Rgb } from "./color";
import { mountainHeight, type Frame } from "./frame";

type Point = [number, number];

/** Alternating peaks and saddles, then midpoint displacement scaled by the style's roughness. */
function ridge(f: Frame, base: number, height: number, spacing: number): { pts: Point[]; peaks: Point[] } {
  const { rng, W, u, look } = f;
  const ctrl: Point[] = [];
  let x = -spacing * rng.range(0.2, 1);
  let up = rng.chance(0.5);
  while (x < W + spacing) {
    ctrl.push([x, base - height * (up ? rng.range(0.65, 1) : rng.range(0.15, 0.5))]);
    x += spacing * rng.range(0.45, 1);
    up = !up;
  }
  const pts: Point[] = [ctrl[0]];
  const minSeg = u * 0.008;
  for (let i = 1; i < ctrl.length; i++) {
    let seg: Point[] = [ctrl[i - 1], ctrl[i]];
    let amp = (ctrl[i][0] - ctrl[i - 1][0]) * 0.16 * look.roughness;
    while (amp > 0.5 && seg[1][0] - seg[0][0] > minSeg) {
      const next: Point[] = [seg[0]];
      for (let j = 1; j < seg.length; j++) {
        const [x0, y0] = seg[j - 1];
        const [x1, y1] = seg[j];
        next.push([(x0 + x1) / 2, (y0 + y1) / 2 + rng.range(-amp, amp)], seg[j]);
      }
      seg = next;
      amp *= 0.52;
    }
    pts.push(...seg.slice(1));
  }
  return { pts, peaks: ctrl.filter((p) => p[1] < base - height * 0.6) };
}

function closedPath(pts: readonly Point[], bottom: number): Path2D {
  const p = new Path2D();
  p.moveTo(pts[0][0], bottom);
  for (const [x, y] of pts) p.lineTo(x, y);
  p.lineTo(pts[pts.length - 1][0], bottom);
  p.closePath();
  return p;
}

/** Haze at the foot of a layer separates it from the next one: cheap aerial perspective. */
function haze(f: Frame, top: number, base: number, alpha: number): void {
  const { ctx, W, sky } = f;
  const g = ctx.createLinearGradient(0, top, 0, base);
  g.addColorStop(0, css(sky.horizon, 0));
  g.addColorStop(1, css(sky.horizon, alpha));
  ctx.fillStyle = g;
  ctx.fillRect(0, top, W, base - top);
}

function layerColor(f: Frame, k: number, n: number): Rgb {
  const near = f.plan.time === "night" ? f.pal[0] : mix(f.pal[1], f.pal[2], 0.25);
  return mix(mix(f.sky.horizon, f.pal[3], 0.5), near, (k + 1) / n);
}

export function drawMountains(f: Frame, bottom: number): void {
  const { ctx, rng, u, horizon, hd, plan, light, look, pal } = f;
  const n = rng.int(2, 3) + (hd ? 1 : 0);
  const maxH = mountainHeight(horizon, u);
  const snowy = plan.motifs.has("snow") || rng.chance(0.45);
  const shadowDir = light && light.x > f.W / 2 ? -1 : 1;
  for (let k = 0; k < n; k++) {
    const base = plan.motifs.has("water") ? horizon : horizon + (bottom - horizon) * (k / n) * 0.35;
    const height = maxH * (1 - k * 0.2) * rng.range(0.75, 1.05);
    const { pts, peaks } = ridge(f, base, height, u * rng.range(0.22, 0.36) * (1 - k * 0.12));
    const path = closedPath(pts, bottom);
    const color = layerColor(f, k, n);
    look.fill(ctx, path, color);

    ctx.save();
    ctx.clip(path);
    const shade = new Path2D();
    for (const [px, py] of peaks) {
      shade.moveTo(px, py);
      shade.lineTo(px + shadowDir * height * rng.range(0.5, 0.9), base + height * 0.1);
      shade.lineTo(px + shadowDir * height * 0.05, base + height * 0.1);
      shade.closePath();
    }
    ctx.fillStyle = css(pal[0], look.name === "watercolor" ? 0.12 : 0.22);
    ctx.fill(shade);
    if (snowy && k < n - 1) {
      const line = base - height * rng.range(0.62, 0.72);
      const snow = new Path2D();
      snow.moveTo(0, 0);
      for (let x = 0; x <= f.W; x += u * 0.03) snow.lineTo(x, line + Math.sin(x * 0.05 + k) * u * 0.012 + rng.range(-1, 1) * u * 0.01);
      snow.lineTo(f.W, 0);
      snow.closePath();
      ctx.fillStyle = css(pal[5], plan.time === "night" ? 0.45 : 0.85);
      ctx.fill(snow);
    }
    ctx.restore();
    if (k < n - 1 && look.name !== "deco") haze(f, base - height * 0.45, base, 0.35);
  }
}

/** Rolling hills (smooth) or dunes (sharp crests) receding from the horizon to the bottom edge. */
export function drawHills(f: Frame, kind: "hills" | "dunes", top: number, bottom: number): void {
  const { ctx, rng, u, W, H, look, pal, plan } = f;
  const n = rng.int(2, 3) + (f.hd ? 1 : 0);
  const night = plan.time === "night";
  for (let k = 0; k < n; k++) {
    const base = top + (bottom - top) * (k / n) * 0.7;
    const amp = u * rng.range(0.04, 0.09) * (kind === "dunes" ? 1.3 : 1);
    const freqs = [rng.range(0.6, 1.4), rng.range(1.8, 3.2), rng.range(4, 7)].map((v) => (v * Math.PI) / u);
    const phases = freqs.map(() => rng.next() * Math.PI * 2);
    const pts: Point[] = [];
    const step = Math.max(3, u / 160);
    for (let x = -step; x <= W + step; x += step) {
      let v: number;
      if (kind === "dunes") v = (1 - Math.abs(Math.sin(x * freqs[0] * 0.8 + phases[0]))) ** 1.4 + 0.15 * Math.sin(x * freqs[1] + phases[1]);
      else v = 0.6 * Math.sin(x * freqs[0] + phases[0]) + 0.3 * Math.sin(x * freqs[1] + phases[1]) + 0.1 * Math.sin(x * freqs[2] + phases[2]);
      pts.push([x, base - amp * v]);
    }
    const t = (k + 1) / n;
    const far = kind === "dunes" ? mix(pal[3], pal[4], 0.6) : mix(f.sky.horizon, pal[3], 0.55);
    const near = night ? pal[0] : kind === "dunes" ? mix(pal[2], pal[3], 0.4) : mix(pal[1], pal[2], 0.6);
    const color = mix(far, near, t);
    const path = closedPath(pts, H);
    if (look.skyBands === 0 && look.name !== "watercolor") {
      const g = ctx.createLinearGradient(0, base - amp, 0, Math.min(H, base + (bottom - top) * 0.5));
      g.addColorStop(0, css(mix(color, pal[5], 0.12)));
      g.addColorStop(1, css(mix(color, pal[0], 0.25)));
      ctx.fillStyle = g;
      ctx.fill(path);
    } else {
      look.fill(ctx, path, color);
    }
  }
}
