import { Path2D } from "@napi-rs/canvas";
import { css, mix } from "./color";
import type { Frame } from "./frame";

export function drawLight(f: Frame): void {
  const { ctx, light, pal, look, u, rng, W, H } = f;
  if (!light) return;
  const { x, y, r } = light;
  const core = light.kind === "sun" ? mix(pal[4], pal[5], 0.75) : pal[5];

  if (look.name === "deco") {
    // Sunburst: alternating wedges fanning out from the disc, the signature art-deco motif.
    const rays = new Path2D();
    const n = 28;
    const reach = Math.hypot(W, H);
    for (let i = 0; i < n; i += 2) {
      const a0 = (i / n) * Math.PI * 2;
      const a1 = ((i + 1) / n) * Math.PI * 2;
      rays.moveTo(x, y);
      rays.lineTo(x + Math.cos(a0) * reach, y + Math.sin(a0) * reach);
      rays.lineTo(x + Math.cos(a1) * reach, y + Math.sin(a1) * reach);
      rays.closePath();
    }
    ctx.fillStyle = css(pal[5], 0.1);
    ctx.fill(rays);
    ctx.strokeStyle = css(pal[5], 0.7);
    ctx.lineWidth = u * 0.002;
    for (let k = 1; k <= 3; k++) {
      ctx.beginPath();
      ctx.arc(x, y, r * (1 + k * 0.35), 0, Math.PI * 2);
      ctx.stroke();
    }
  }

  if (look.softGlow) {
    const reach = r * (light.kind === "sun" ? 7 : 5);
    const g = ctx.createRadialGradient(x, y, r * 0.6, x, y, reach);
    g.addColorStop(0, css(core, light.kind === "sun" ? 0.55 : 0.35));
    g.addColorStop(0.35, css(core, 0.12));
    g.addColorStop(1, css(core, 0));
    ctx.fillStyle = g;
    ctx.fillRect(x - reach, y - reach, reach * 2, reach * 2);
  }

  const disc = new Path2D();
  disc.arc(x, y, r, 0, Math.PI * 2);
  look.fill(ctx, disc, core);

  if (light.kind === "moon") {
    // A few faint maria so the moon reads as a moon and not a second sun.
    const maria = new Path2D();
    for (let i = 0; i < 4; i++) {
      const a = rng.next() * Math.PI * 2;
      const d = rng.range(0.1, 0.55) * r;
      const mr = rng.range(0.12, 0.3) * r;
      maria.moveTo(x + Math.cos(a) * d + mr, y + Math.sin(a) * d);
      maria.arc(x + Math.cos(a) * d, y + Math.sin(a) * d, mr, 0, Math.PI * 2);
    }
    ctx.fillStyle = css(mix(pal[5], pal[2], 0.35), 0.3);
    ctx.fill(maria);
  } else if (look.name === "anime") {
    const inner = new Path2D();
    inner.arc(x - r * 0.15, y - r * 0.15, r * 0.6, 0, Math.PI * 2);
    ctx.fillStyle = css(pal[5], 0.6);
    ctx.fill(inner);
  }
}
