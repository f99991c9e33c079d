import { Path2D } from "@napi-rs/canvas";
import { css, mix } from "./color";
import type { Frame } from "./frame";

export function drawAbstractBackground(f: Frame): void {
  const { ctx, W, H, pal, rng } = f;
  const a = rng.next() * Math.PI * 2;
  const r = Math.hypot(W, H) / 2;
  const g = ctx.createLinearGradient(W / 2 - Math.cos(a) * r, H / 2 - Math.sin(a) * r, W / 2 + Math.cos(a) * r, H / 2 + Math.sin(a) * r);
  const dark = f.plan.time === "night";
  g.addColorStop(0, css(dark ? pal[0] : pal[2]));
  g.addColorStop(0.5, css(dark ? pal[1] : mix(pal[3], pal[4], 0.5)));
  g.addColorStop(1, css(dark ? pal[2] : pal[5]));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, W, H);
}

/** Organic closed shapes from a wobbling radius, smoothed through edge midpoints. */
export function drawBlobs(f: Frame): void {
  const { ctx, W, H, u, rng, pal, look, hd } = f;
  const count = rng.int(5, 8) + (hd ? 4 : 0);
  for (let i = 0; i < count; i++) {
    const cx = rng.next() * W;
    const cy = rng.next() * H;
    const r = u * rng.range(0.12, 0.38) * (1 - i / (count * 1.6));
    const n = rng.int(6, 9);
    const pts: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const a = (k / n) * Math.PI * 2;
      const rr = r * rng.range(0.7, 1.25);
      pts.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
    }
    const p = new Path2D();
    const mid = (k: number) => [(pts[k % n][0] + pts[(k + 1) % n][0]) / 2, (pts[k % n][1] + pts[(k + 1) % n][1]) / 2];
    const [sx, sy] = mid(0);
    p.moveTo(sx, sy);
    for (let k = 1; k <= n; k++) {
      const [mx, my] = mid(k);
      p.quadraticCurveTo(pts[k % n][0], pts[k % n][1], mx, my);
    }
    p.closePath();
    const c = pal[rng.int(1, 5)];
    if (look.softGlow && rng.chance(0.4)) {
      const g = ctx.createRadialGradient(cx, cy, 0, cx, cy, r * 1.3);
      g.addColorStop(0, css(c, 0.8));
      g.addColorStop(1, css(c, 0));
      ctx.fillStyle = g;
      ctx.fill(p);
    } else {
      look.fill(ctx, p, c, rng.range(0.55, 0.85));
    }
  }
}

/** A dot or tile grid whose cell size swells along a wave, so the pattern has a focal point. */
export function drawGrid(f: Frame): void {
  const { ctx, W, H, u, rng, pal } = f;
  const cell = u * rng.range(0.045, 0.08);
  const cols = Math.ceil(W / cell);
  const rows = Math.ceil(H / cell);
  const fx = rng.next() * W;
  const fy = rng.next() * H;
  const circles = rng.chance(0.5);
  const paths = [new Path2D(), new Path2D(), new Path2D()];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = (c + 0.5) * cell;
      const y = (r + 0.5) * cell;
      const d = Math.hypot(x - fx, y - fy) / u;
      const s = cell * 0.42 * (0.25 + 0.75 * (0.5 + 0.5 * Math.cos(d * 7)));
      const p = paths[(r + c) % 3];
      if (circles) {
        p.moveTo(x + s, y);
        p.arc(x, y, s, 0, Math.PI * 2);
      } else {
        p.rect(x - s, y - s, s * 2, s * 2);
      }
    }
  }
  paths.forEach((p, i) => {
    ctx.fillStyle = css(pal[[5, 4, 1][i]], 0.55);
    ctx.fill(p);
  });
}

/** A ringed planet lit from one side, over nebula haze. */
export function drawPlanet(f: Frame): void {
  const { ctx, W, H, u, rng, pal, look } = f;
  const x = W * rng.range(0.3, 0.7);
  const y = H * rng.range(0.28, 0.45);
  const r = u * rng.range(0.14, 0.22);
  const tilt = rng.range(-0.5, 0.5);
  const ring = (start: number, end: number) => {
    ctx.beginPath();
    ctx.ellipse(x, y, r * 1.9, r * 0.45, tilt, start, end);
    ctx.strokeStyle = css(pal[4], 0.75);
    ctx.lineWidth = r * 0.12;
    ctx.stroke();
  };
  ring(Math.PI, Math.PI * 2);
  const body = new Path2D();
  body.arc(x, y, r, 0, Math.PI * 2);
  const g = ctx.createRadialGradient(x - r * 0.4, y - r * 0.4, r * 0.1, x, y, r);
  g.addColorStop(0, css(mix(pal[4], pal[5], 0.5)));
  g.addColorStop(0.6, css(pal[3]));
  g.addColorStop(1, css(pal[1]));
  if (look.skyBands === 0) {
    ctx.fillStyle = g;
    ctx.fill(body);
  } else {
    look.fill(ctx, body, pal[3]);
    // Flat styles still need a terminator, or the planet reads as a plain disc.
    ctx.save();
    ctx.clip(body);
    ctx.fillStyle = css(pal[0], 0.35);
    ctx.beginPath();
    ctx.arc(x + r * 0.45, y + r * 0.35, r * 1.05, 0, Math.PI * 2);
    ctx.fill();
    ctx.restore();
  }
  ring(0, Math.PI);
}
