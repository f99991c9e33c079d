export type Rgb = readonly [number, number, number];

const HEX = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

export function isHexColor(value: unknown): value is string {
  return typeof value === "string" && HEX.test(value);
}

export function parseHex(hex: string): Rgb {
  let h = hex.slice(1);
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  const n = Number.parseInt(h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Rounded so equal inputs always produce the same CSS string (and the same Skia colour). */
export function css(c: Rgb, alpha = 1): string {
  const [r, g, b] = c.map((v) => Math.max(0, Math.min(255, Math.round(v))));
  return alpha >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${Math.max(0, alpha).toFixed(3)})`;
}

/**
 * Six colours ordered dark → light. Presets are meant to arrive in that order already; sorting by
 * luminance makes a mis-ordered or shorter/longer preset still map onto background…highlight roles.
 */
export function normalizePalette(hexes: readonly string[]): Rgb[] {
  const sorted = hexes.map(parseHex).sort((a, b) => luminance(a) - luminance(b));
  if (sorted.length === 6) return sorted;
  const out: Rgb[] = [];
  for (let i = 0; i < 6; i++) {
    const pos = (i / 5) * (sorted.length - 1);
    const lo = Math.floor(pos);
    out.push(mix(sorted[lo], sorted[Math.min(lo + 1, sorted.length - 1)], pos - lo));
  }
  return out;
}
