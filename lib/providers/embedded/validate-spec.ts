import { isHexColor } from "./color";
import type { RenderSpec } from "./render";

export const MIN_SIDE = 64;
export const MAX_SIDE = 2048;
const MAX_PROMPT = 10_000;

/** Throws a plain Error naming the first bad field; the renderer trusts the spec after this. */
export function validateSpec(spec: RenderSpec): void {
  if (!spec || typeof spec !== "object") throw new Error("render spec must be an object");
  const { prompt, seed, width, height, palette, styleSlug, quality, format } = spec;
  if (typeof prompt !== "string") throw new Error("render spec: prompt must be a string");
  if (prompt.length > MAX_PROMPT) throw new Error(`render spec: prompt is longer than ${MAX_PROMPT} characters`);
  if (!Number.isSafeInteger(seed)) throw new Error(`render spec: seed must be a safe integer, got ${String(seed)}`);
  for (const [name, v] of [["width", width], ["height", height]] as const) {
    if (!Number.isInteger(v) || v < MIN_SIDE || v > MAX_SIDE) {
      throw new Error(`render spec: ${name} must be an integer from ${MIN_SIDE} to ${MAX_SIDE}, got ${String(v)}`);
    }
  }
  if (!Array.isArray(palette) || palette.length < 2 || palette.length > 16) {
    throw new Error("render spec: palette must be an array of 2 to 16 colours (6 expected)");
  }
  const bad = palette.find((c) => !isHexColor(c));
  if (bad !== undefined) throw new Error(`render spec: palette colour ${JSON.stringify(bad)} is not a #rrggbb hex colour`);
  if (typeof styleSlug !== "string" || styleSlug.length === 0 || styleSlug.length > 100) {
    throw new Error("render spec: styleSlug must be a non-empty string of at most 100 characters");
  }
  if (quality !== "standard" && quality !== "hd") throw new Error(`render spec: quality must be "standard" or "hd"`);
  if (format !== "png" && format !== "webp") throw new Error(`render spec: format must be "png" or "webp"`);
}
