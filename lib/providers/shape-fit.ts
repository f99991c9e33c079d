import type { ShapeSpec } from "./types";

/** "16:9" → 16/9. */
export const ratioOf = (r: string) => {
  const [w, h] = r.split(/[:x]/).map(Number);
  return w / h;
};

/** Distance between two aspect ratios, symmetric for portrait and landscape (log scale). */
export const ratioDistance = (a: number, b: number) => Math.abs(Math.log(a / b));

/** The entry of `choices` ("W:H" or "WxH") whose aspect is nearest the shape's. */
export function nearestRatio<T extends string>(shape: Pick<ShapeSpec, "width" | "height">, choices: readonly T[]): T {
  const want = shape.width / shape.height;
  return choices.reduce((best, c) => (ratioDistance(ratioOf(c), want) < ratioDistance(ratioOf(best), want) ? c : best));
}
