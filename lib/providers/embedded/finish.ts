import { createCanvas, Path2D, type Canvas } from "@napi-rs/canvas";
import { css, mix, type Rgb } from "./color";
import type { Frame } from "./frame";
import { paintStrokes } from "./paint-strokes";

/**
 * Darkens the top and bottom edges. A radial vignette would look rounder, but Skia dithers
 * gradients and a full-frame radial dither pattern doubles PNG encode time; vertical ones compress.
 */
function edgeShade(f: Frame, color: Rgb, alpha: number): void {
  const { ctx, W, H } = f;
  const reach = H * 0.22;
  for (const [from, to] of [[0, reach], [H, H - reach]]) {
    const g = ctx.createLinearGradient(0, from, 0, to);
    g.addColorStop(0, css(color, alpha));
    g.addColorStop(1, css(color, 0));
    ctx.fillStyle = g;
    ctx.fillRect(0, Math.min(from, to), W, reach);
  }
}

/** Unpainted paper around a wobbly painted area: the deckled edge of a watercolour sheet. */
function paperBorder(f: Frame, paper: Rgb): void {
  const { ctx, W, H, u, rng } = f;
  const inset = u * 0.035;
  const wobble = u * 0.012;
  const p = new Path2D();
  p.rect(0, 0, W, H);
  const step = u * 0.012;
  // A clamped random walk, not independent jitter: torn paper wanders, it doesn't zigzag.
  let ox = 0;
  let oy = 0;
  const edge = (x: number, y: number, first = false) => {
    ox = Math.max(-wobble, Math.min(wobble, ox + rng.range(-0.5, 0.5) * wobble));
    oy = Math.max(-wobble, Math.min(wobble, oy + rng.range(-0.5, 0.5) * wobble));
    if (first) p.moveTo(x + ox, y + oy);
    else p.lineTo(x + ox, y + oy);
  };
  edge(inset, inset, true);
  for (let y = inset + step; y < H - inset; y += step) edge(inset, y);
  for (let x = inset; x < W - inset; x += step) edge(x, H - inset);
  for (let y = H - inset; y > inset; y -= step) edge(W - inset, y);
  for (let x = W - inset; x > inset; x -= step) edge(x, inset);
  p.closePath();
  // The inner contour runs the other way round, so even-odd leaves the picture unpainted.
  ctx.fillStyle = css(paper);
  ctx.fill(p, "evenodd");
}

function paperBlotches(f: Frame): void {
  const { ctx, W, H, u, rng, pal } = f;
  for (let i = 0; i < (f.hd ? 16 : 9); i++) {
    const x = rng.next() * W;
    const y = rng.next() * H;
    const r = u * rng.range(0.05, 0.14);
    const c = rng.chance(0.5) ? pal[5] : pal[rng.int(1, 3)];
    const g = ctx.createRadialGradient(x, y, 0, x, y, r);
    g.addColorStop(0, css(c, 0.12));
    g.addColorStop(1, css(c, 0));
    ctx.fillStyle = g;
    ctx.fillRect(x - r, y - r, r * 2, r * 2);
  }
}

/** Big pixels snapped to the palette and its midpoints, scaled back up without smoothing. */
function pixelate(f: Frame, canvas: Canvas): void {
  const { ctx, W, H, u, pal } = f;
  const block = Math.max(4, Math.round(u / (f.hd ? 128 : 96)));
  const sw = Math.ceil(W / block);
  const sh = Math.ceil(H / block);
  const small = createCanvas(sw, sh);
  const sctx = small.getContext("2d");
  sctx.drawImage(canvas, 0, 0, sw * block, sh * block, 0, 0, sw, sh);
  const colors: Rgb[] = [];
  for (let i = 0; i < pal.length; i++) colors.push(pal[i], ...(i + 1 < pal.length ? [mix(pal[i], pal[i + 1], 0.5)] : []));
  const img = sctx.getImageData(0, 0, sw, sh);
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    let best = colors[0];
    let bestD = Infinity;
    for (const c of colors) {
      const dist = (d[i] - c[0]) ** 2 + (d[i + 1] - c[1]) ** 2 + (d[i + 2] - c[2]) ** 2;
      if (dist < bestD) [best, bestD] = [c, dist];
    }
    d[i] = best[0];
    d[i + 1] = best[1];
    d[i + 2] = best[2];
  }
  sctx.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(small, 0, 0, sw * block, sh * block);
  ctx.imageSmoothingEnabled = true;
}

/** The style's finishing pass over the composed scene. */
export function finish(f: Frame, canvas: Canvas): void {
  const { ctx, W, H, u, pal } = f;
  switch (f.look.name) {
    case "watercolor":
      ctx.fillStyle = css(pal[5], 0.08);
      ctx.fillRect(0, 0, W, H);
      paperBlotches(f);
      paperBorder(f, mix(pal[5], [255, 255, 255], 0.6));
      return;
    case "oil":
      // A toned ground showing through, as on a primed canvas; it also lifts the darkest shadows.
      ctx.fillStyle = css(pal[3], 0.14);
      ctx.fillRect(0, 0, W, H);
      paintStrokes(f);
      edgeShade(f, pal[0], 0.3);
      return;
    case "pixel":
      pixelate(f, canvas);
      return;
    case "deco": {
      ctx.strokeStyle = css(pal[5], 0.85);
      for (const [inset, width] of [[u * 0.025, u * 0.004], [u * 0.037, u * 0.0015]]) {
        ctx.lineWidth = width;
        ctx.strokeRect(inset, inset, W - inset * 2, H - inset * 2);
      }
      return;
    }
    case "anime":
      return;
    default:
      edgeShade(f, pal[0], 0.25);
  }
}
