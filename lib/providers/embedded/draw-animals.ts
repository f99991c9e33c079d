import { Path2D } from "@napi-rs/canvas";
import { css, mix } from "./color";
import type { Frame } from "./frame";

/** A sitting cat seen from behind, looking at the view; works as a silhouette in any light. */
function cat(x: number, base: number, s: number): Path2D {
  const p = new Path2D();
  p.ellipse(x, base - s * 0.45, s * 0.38, s * 0.45, 0, 0, Math.PI * 2);
  p.moveTo(x + s * 0.2, base - s * 0.95);
  p.arc(x, base - s * 0.95, s * 0.2, 0, Math.PI * 2);
  for (const side of [-1, 1]) {
    p.moveTo(x + side * s * 0.19, base - s * 1.0);
    p.lineTo(x + side * s * 0.17, base - s * 1.25);
    p.lineTo(x + side * s * 0.04, base - s * 1.1);
    p.closePath();
  }
  p.moveTo(x + s * 0.3, base - s * 0.08);
  p.bezierCurveTo(x + s * 0.75, base, x + s * 0.75, base - s * 0.45, x + s * 0.55, base - s * 0.5);
  p.lineTo(x + s * 0.5, base - s * 0.44);
  p.bezierCurveTo(x + s * 0.65, base - s * 0.35, x + s * 0.6, base - s * 0.05, x + s * 0.25, base);
  p.closePath();
  return p;
}

/** A standing four-legged animal in profile: dog, deer, horse all read fine at this level of detail. */
function quadruped(x: number, base: number, s: number, dir: number): Path2D {
  const p = new Path2D();
  const X = (v: number) => x + dir * v * s;
  p.ellipse(x, base - s * 0.62, s * 0.5, s * 0.2, 0, 0, Math.PI * 2);
  for (const lx of [-0.38, -0.22, 0.25, 0.4]) p.rect(X(lx) - s * 0.045, base - s * 0.6, s * 0.09, s * 0.6);
  p.moveTo(X(0.35), base - s * 0.7);
  p.lineTo(X(0.55), base - s * 1.05);
  p.lineTo(X(0.68), base - s * 1.02);
  p.lineTo(X(0.5), base - s * 0.6);
  p.closePath();
  p.ellipse(X(0.66), base - s * 1.06, s * 0.14, s * 0.08, dir * 0.3, 0, Math.PI * 2);
  p.moveTo(X(0.6), base - s * 1.12);
  p.lineTo(X(0.6), base - s * 1.28);
  p.lineTo(X(0.66), base - s * 1.13);
  p.closePath();
  p.moveTo(X(-0.48), base - s * 0.7);
  p.quadraticCurveTo(X(-0.7), base - s * 0.6, X(-0.68), base - s * 0.35);
  p.lineTo(X(-0.62), base - s * 0.36);
  p.quadraticCurveTo(X(-0.62), base - s * 0.58, X(-0.46), base - s * 0.6);
  p.closePath();
  return p;
}

export function drawAnimal(f: Frame, kind: "cat" | "quadruped"): void {
  const { ctx, rng, u, W, H, pal, look } = f;
  const x = W * rng.range(0.25, 0.75);
  const base = H - u * rng.range(0.03, 0.08);
  const s = u * rng.range(0.16, 0.24);
  const path = kind === "cat" ? cat(x, base, s) : quadruped(x, base, s, rng.chance(0.5) ? 1 : -1);
  // A rim of light keeps a dark silhouette readable against a dark night foreground.
  ctx.strokeStyle = css(mix(pal[3], pal[5], 0.4), 0.55);
  ctx.lineWidth = u * 0.006;
  ctx.stroke(new Path2D(path).simplify());
  look.fill(ctx, path, mix(pal[0], pal[1], 0.2));
}
