import { createHash } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderProcedural, type RenderSpec } from "./render";

const WARM = ["#2b1b3a", "#6b2d4f", "#b5484a", "#e07b3c", "#f5b65b", "#fde9c4"];
const COOL = ["#10213a", "#1f4068", "#3b6e9e", "#79a7c9", "#bcd6e6", "#f2f7fb"];

function spec(overrides: Partial<RenderSpec> = {}): RenderSpec {
  return {
    prompt: "a watercolor sunset over mountains and a lake",
    seed: 42,
    width: 512,
    height: 512,
    palette: WARM,
    styleSlug: "no-style",
    quality: "standard",
    format: "png",
    ...overrides,
  };
}

// Hash of decoded pixels, not file bytes, so a libpng/zlib bump cannot break the assertions.
async function pixelHash(bytes: Uint8Array): Promise<string> {
  const raw = await sharp(bytes).raw().toBuffer();
  return createHash("sha256").update(raw).digest("hex");
}

/** Mean absolute per-channel difference of 32×32 thumbnails: small shifts don't count, new scenes do. */
async function visibleDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const thumb = (x: Uint8Array) => sharp(x).resize(32, 32, { fit: "fill" }).removeAlpha().raw().toBuffer();
  const [ta, tb] = await Promise.all([thumb(a), thumb(b)]);
  let sum = 0;
  for (let i = 0; i < ta.length; i++) sum += Math.abs(ta[i] - tb[i]);
  return sum / ta.length;
}

const render = async (overrides: Partial<RenderSpec> = {}) => (await renderProcedural(spec(overrides))).bytes;

describe("renderProcedural", () => {
  it("is deterministic: same spec, same pixels and same bytes", async () => {
    for (const styleSlug of ["no-style", "watercolor", "oil-painting", "anime", "art-deco", "pixel-art"]) {
      const a = await render({ styleSlug, quality: "hd" });
      const b = await render({ styleSlug, quality: "hd" });
      expect(await pixelHash(a)).toBe(await pixelHash(b));
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    }
  });

  const shapes = [
    [1024, 1024], [1152, 864], [864, 1152], [1344, 756], [756, 1344],
    [1152, 768], [768, 1152], [1344, 576], [512, 512],
  ] as const;
  for (const format of ["png", "webp"] as const) {
    it(`renders every catalog shape at its exact size as ${format}`, async () => {
      for (const [width, height] of shapes) {
        const result = await renderProcedural(spec({ width, height, format }));
        expect(result).toMatchObject({ width, height, mimeType: `image/${format}` });
        const meta = await sharp(result.bytes).metadata();
        expect([meta.width, meta.height, meta.format]).toEqual([width, height, format]);
      }
    });
  }

  it("gives different prompts different pixels", async () => {
    const prompts = ["neon city at night", "a quiet pine forest", "abstract pattern", "hello world", "quarterly report"];
    const images = await Promise.all(prompts.map((prompt) => render({ prompt })));
    const hashes = await Promise.all(images.map(pixelHash));
    expect(new Set(hashes).size).toBe(prompts.length);
    expect(await visibleDifference(images[0], images[1])).toBeGreaterThan(10);
  });

  it("gives different palettes visibly different images", async () => {
    const a = await render({ palette: WARM });
    const b = await render({ palette: COOL });
    expect(await pixelHash(a)).not.toBe(await pixelHash(b));
    expect(await visibleDifference(a, b)).toBeGreaterThan(10);
  });

  it("gives different styles visibly different images", async () => {
    const pairs = [["no-style", "watercolor"], ["anime", "art-deco"], ["oil-painting", "no-style"], ["no-style", "pixel-art"]];
    for (const [x, y] of pairs) {
      const a = await render({ styleSlug: x });
      const b = await render({ styleSlug: y });
      expect(await pixelHash(a)).not.toBe(await pixelHash(b));
      expect(await visibleDifference(a, b), `${x} vs ${y}`).toBeGreaterThan(10);
    }
  });

  it("gives different seeds different pixels", async () => {
    const hashes = await Promise.all([0, 1, 2, -5, Number.MAX_SAFE_INTEGER].map(async (seed) => pixelHash(await render({ seed }))));
    expect(new Set(hashes).size).toBe(5);
  });

  it("adds detail in hd without changing the size", async () => {
    const std = await renderProcedural(spec({ width: 1152, height: 768 }));
    const hd = await renderProcedural(spec({ width: 1152, height: 768, quality: "hd" }));
    const [ms, mh] = await Promise.all([sharp(std.bytes).metadata(), sharp(hd.bytes).metadata()]);
    expect([mh.width, mh.height]).toEqual([ms.width, ms.height]);
    expect(await pixelHash(hd.bytes)).not.toBe(await pixelHash(std.bytes));
  });

  it("accepts an empty prompt and a palette of other than six colours", async () => {
    const r = await renderProcedural(spec({ prompt: "", palette: ["#000", "#ffffff"] }));
    expect((await sharp(r.bytes).metadata()).width).toBe(512);
  });

  const invalid: [string, Partial<RenderSpec> | Record<string, unknown>, RegExp][] = [
    ["width below 64", { width: 63 }, /width must be an integer from 64 to 2048/],
    ["width above 2048", { width: 2049 }, /width/],
    ["fractional height", { height: 100.5 }, /height/],
    ["NaN height", { height: Number.NaN }, /height/],
    ["fractional seed", { seed: 1.5 }, /seed must be a safe integer/],
    ["unsafe seed", { seed: Number.MAX_SAFE_INTEGER + 1 }, /seed/],
    ["bad hex colour", { palette: [...WARM.slice(0, 5), "#12345g"] }, /"#12345g" is not a #rrggbb/],
    ["named colour", { palette: ["red", ...WARM.slice(1)] }, /palette colour/],
    ["one-colour palette", { palette: ["#000000"] }, /palette must be an array/],
    ["palette not an array", { palette: "#000000" }, /palette must be an array/],
    ["empty style", { styleSlug: "" }, /styleSlug/],
    ["unknown quality", { quality: "ultra" }, /quality/],
    ["unknown format", { format: "gif" }, /format/],
    ["non-string prompt", { prompt: 42 }, /prompt must be a string/],
  ];
  for (const [name, overrides, message] of invalid) {
    it(`rejects ${name}`, async () => {
      await expect(renderProcedural({ ...spec(), ...overrides } as RenderSpec)).rejects.toThrow(message);
    });
  }
});
