import { Path2D } from "@napi-rs/canvas";
import { css, mix, type Rgb } from "./color";
import { skylineHeight, type Frame } from "./frame";

interface Building {
  x: number;
  w: number;
  top: number;
}

function skyline(f: Frame, base: number, maxH: number, widthScale: number): { path: Path2D; buildings: Building[] } {
  const { rng, u, W, look } = f;
  const path = new Path2D();
  const buildings: Building[] = [];
  let x = -rng.next() * u * 0.05;
  while (x < W) {
    const w = Math.max(W / 200, u * rng.range(0.045, 0.11) * widthScale);
    const h = maxH * rng.range(0.25, 1) ** 1.3;
    const top = base - h;
    path.rect(x, top, w + 1, h + 2);
    const roof = rng.next();
    if (roof < 0.2) {
      path.rect(x + w * 0.47, top - h * 0.12, Math.max(1, w * 0.06), h * 0.12 + 1);
    } else if (roof < 0.4 || (look.name === "deco" && roof < 0.75)) {
      // Stepped setbacks: two narrower tiers, as on 1930s towers.
      path.rect(x + w * 0.15, top - h * 0.06, w * 0.7, h * 0.06 + 1);
      path.rect(x + w * 0.3, top - h * 0.12, w * 0.4, h * 0.06 + 1);
    } else if (roof < 0.5) {
      path.moveTo(x, top + 1);
      path.lineTo(x + w / 2, top - w * 0.5);
      path.lineTo(x + w, top + 1);
      path.closePath();
    }
    buildings.push({ x, w, top });
    x += w + u * rng.range(0, 0.015);
  }
  return { path, buildings };
}

function windows(f: Frame, buildings: readonly Building[], base: number, litShare: number, colors: readonly Rgb[]): void {
  const { ctx, rng, u } = f;
  const paths = colors.map(() => new Path2D());
  const cell = Math.max(2, u * 0.014);
  for (const b of buildings) {
    const cols = Math.max(1, Math.floor((b.w - cell * 0.6) / cell));
    const pad = (b.w - cols * cell) / 2;
    for (let y = b.top + cell; y < base - cell; y += cell * 1.35) {
      for (let c = 0; c < cols; c++) {
        if (!rng.chance(litShare)) continue;
        paths[rng.int(0, paths.length - 1)].rect(b.x + pad + c * cell + cell * 0.2, y, cell * 0.6, cell * 0.8);
      }
    }
  }
  paths.forEach((p, i) => {
    ctx.fillStyle = css(colors[i], 0.9);
    ctx.fill(p);
  });
}

/** Two rows of towers on the horizon; the near row gets lit windows and, for neon, glowing signs. */
export function drawCity(f: Frame): void {
  const { ctx, horizon, u, pal, plan, look, rng, W, H } = f;
  const night = plan.time === "night";
  const neon = plan.motifs.has("neon");
  const maxH = skylineHeight(W, H, horizon);
  const far = skyline(f, horizon, maxH * 0.75, 0.8);
  look.fill(ctx, far.path, mix(f.sky.horizon, pal[1], night ? 0.6 : 0.45));
  const near = skyline(f, horizon, maxH, 1);
  look.fill(ctx, near.path, night ? mix(pal[0], pal[1], 0.3) : mix(pal[1], pal[2], 0.3));

  const warm = [pal[5], mix(pal[4], pal[5], 0.5), pal[4]];
  windows(f, near.buildings, horizon, night ? 0.38 : 0.12, neon ? [pal[5], pal[4], pal[3]] : warm);
  if (f.hd) windows(f, far.buildings, horizon, night ? 0.15 : 0.05, [mix(pal[3], pal[4], 0.5)]);

  if (neon) {
    for (const b of near.buildings) {
      if (!rng.chance(0.3)) continue;
      const c = pal[rng.int(3, 5)];
      const vertical = rng.chance(0.6);
      const x = b.x + b.w * rng.range(0.2, 0.8);
      const y = b.top + (horizon - b.top) * rng.range(0.1, 0.5);
      const len = u * rng.range(0.05, 0.14);
      ctx.lineCap = "round";
      for (const [width, alpha] of [[u * 0.02, 0.12], [u * 0.009, 0.3], [u * 0.003, 1]] as const) {
        ctx.strokeStyle = css(width < u * 0.005 ? mix(c, pal[5], 0.6) : c, alpha);
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(vertical ? x : x + len * 0.6, vertical ? y + len : y);
        ctx.stroke();
      }
    }
  }
}

/** The street-level plane in front of a city that has no water before it. */
export function drawStreet(f: Frame): void {
  const { ctx, W, H, horizon, pal, plan, rng, u } = f;
  const g = ctx.createLinearGradient(0, horizon, 0, H);
  g.addColorStop(0, css(mix(pal[1], pal[2], 0.4)));
  g.addColorStop(1, css(pal[0]));
  ctx.fillStyle = g;
  ctx.fillRect(0, horizon, W, H - horizon);
  // Wet-street light smears under the skyline.
  const smear = new Path2D();
  for (let i = 0; i < (f.hd ? 70 : 40); i++) {
    const x = rng.next() * W;
    const y = horizon + rng.next() ** 1.4 * (H - horizon);
    smear.rect(x, y, u * 0.004, u * rng.range(0.02, 0.08));
  }
  ctx.fillStyle = css(plan.motifs.has("neon") ? pal[4] : pal[3], 0.35);
  ctx.fill(smear);
}
