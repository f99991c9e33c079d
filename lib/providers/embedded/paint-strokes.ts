import type { Frame } from "./frame";

/**
 * Re-paints the scene as short brush strokes, each taking its colour from the pixels under it and
 * its direction from a smooth flow field: the oil look without losing the scene.
 */
export function paintStrokes(f: Frame): void {
  const { ctx, W, H, u, rng, hd } = f;
  // The floor keeps a 64 px-high banner from turning into a hundred thousand 1 px strokes.
  const cell = Math.max(5, u * (hd ? 0.016 : 0.02));
  const data = ctx.getImageData(0, 0, W, H).data;
  const p1 = rng.next() * Math.PI * 2;
  const p2 = rng.next() * Math.PI * 2;
  ctx.lineCap = "round";
  ctx.lineWidth = cell * 0.5;
  for (let y = cell / 2; y < H; y += cell) {
    for (let x = cell / 2; x < W; x += cell) {
      // Leaving half the cells unpainted keeps the scene's shapes legible under the texture.
      if (rng.chance(0.5)) continue;
      const sx = Math.min(W - 1, Math.max(0, Math.round(x + rng.range(-0.5, 0.5) * cell)));
      const sy = Math.min(H - 1, Math.max(0, Math.round(y + rng.range(-0.5, 0.5) * cell)));
      const i = (sy * W + sx) * 4;
      const shift = rng.int(-12, 12);
      const angle = 0.55 * Math.sin((sx / u) * 2.3 + p1) + 0.45 * Math.cos((sy / u) * 3.1 + p2);
      const len = cell * rng.range(0.5, 0.9);
      const dx = Math.cos(angle) * len;
      const dy = Math.sin(angle) * len;
      ctx.strokeStyle = `rgba(${clamp(data[i] + shift)},${clamp(data[i + 1] + shift)},${clamp(data[i + 2] + shift)},0.8)`;
      ctx.beginPath();
      ctx.moveTo(sx - dx, sy - dy);
      ctx.lineTo(sx + dx, sy + dy);
      ctx.stroke();
    }
  }
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}
