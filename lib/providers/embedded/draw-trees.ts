import { Path2D } from "@napi-rs/canvas";
import { css, mix } from "./color";
import type { Frame } from "./frame";

function conifer(p: Path2D, x: number, base: number, h: number, w: number): void {
  const tiers = 3;
  for (let i = 0; i < tiers; i++) {
    const tierBase = base - h * 0.08 - (h * 0.92 * i) / (tiers + 0.4);
    const tierTop = tierBase - h * 0.55;
    const half = (w / 2) * (1 - i * 0.22);
    p.moveTo(x - half, tierBase);
    p.lineTo(x, Math.max(tierTop, base - h));
    p.lineTo(x + half, tierBase);
    p.closePath();
  }
  p.rect(x - w * 0.05, base - h * 0.1, w * 0.1, h * 0.1 + 2);
}

function broadleaf(p: Path2D, x: number, base: number, h: number, w: number, jitter: () => number): void {
  p.rect(x - w * 0.06, base - h * 0.45, w * 0.12, h * 0.45 + 2);
  const cy = base - h * 0.62;
  for (let i = 0; i < 5; i++) {
    const a = (i / 5) * Math.PI * 2 + jitter();
    const r = (w / 2) * (0.55 + 0.2 * jitter());
    const cx1 = x + Math.cos(a) * w * 0.22;
    const cy1 = cy + Math.sin(a) * h * 0.14;
    p.moveTo(cx1 + r, cy1);
    p.arc(cx1, cy1, r, 0, Math.PI * 2);
  }
}

/**
 * Rows of trees from far (small, pale, dense) to near (large, dark). Each row is one path so a
 * forest of hundreds of trees costs a few fill calls.
 */
export function drawForest(f: Frame, top: number, bottom: number, scale = 1): void {
  const { ctx, rng, u, W, H, look, pal, plan, hd } = f;
  const m = plan.motifs;
  const pines = m.has("pines") || m.has("snow") || (!m.has("broadleaf") && rng.chance(0.6));
  const rows = rng.int(3, 4) + (hd ? 1 : 0);
  const portrait = W / H < 0.9;
  const nearColor = plan.time === "night" ? pal[0] : mix(pal[0], pal[1], 0.6);
  // At extreme aspect ratios trees get tiny; capping trees per row bounds the path (and outline) cost.
  const minStep = W / 120;
  for (let k = 0; k < rows; k++) {
    const t = (k + 1) / rows;
    const last = k === rows - 1;
    // Rows crowd together near the horizon and spread out toward the viewer, as in perspective.
    const base = top + (bottom - top) * (k / (rows - 1)) ** 1.6 * 0.92 + u * 0.01;
    const h = u * (0.08 + 0.3 * t * t) * (portrait ? 1.4 : 1) * scale * rng.range(0.85, 1.1);
    const w = h * (pines ? 0.42 : 0.6);
    const row = new Path2D();
    let x = -rng.next() * w;
    while (x < W + w) {
      const th = h * rng.range(0.7, 1.15);
      const tb = base + rng.range(-0.04, 0.04) * h;
      if (pines) conifer(row, x, tb, th, w * rng.range(0.85, 1.15));
      else broadleaf(row, x, tb, th, w, () => rng.next());
      // The nearest row is sparse so it frames the view instead of walling it off.
      x += Math.max(minStep, w * (last ? rng.range(1.2, 2.6) : rng.range(0.4, 0.8)));
    }
    const color = mix(mix(f.sky.horizon, pal[2], 0.5), nearColor, t);
    // Far rows stand on their own thicket so no sky shows between trunks; the near row keeps trunks.
    const groundTop = base - h * (last ? 0.04 : 0.3);
    const ground = new Path2D();
    ground.rect(0, groundTop, W, H - groundTop);
    if (look.skyBands === 0 && look.name !== "watercolor") {
      const g = ctx.createLinearGradient(0, groundTop, 0, H);
      g.addColorStop(0, css(color));
      g.addColorStop(1, css(mix(color, pal[0], 0.5)));
      ctx.fillStyle = g;
      ctx.fill(ground);
    } else {
      look.fill(ctx, ground, color);
    }
    look.fill(ctx, row, color);
    if (m.has("snow") && !last) {
      ctx.save();
      ctx.clip(row);
      ctx.fillStyle = css(pal[5], 0.35);
      ctx.fillRect(0, base - h, W, h * 0.25);
      ctx.restore();
    }
  }
}
