import fs from "node:fs";
import { describe, expect, it } from "vitest";
import models from "./models.json";
import styles from "./styles.json";

const MODEL_SLUG = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const STYLE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HEX = /^#[0-9a-f]{6}$/i;
const PROVIDERS = ["fal", "bfl", "openai", "google", "replicate", "stability", "luma", "embedded"]; // independent of the registry on purpose
const CATEGORIES = ["None", "Painting", "Illustration", "Photography", "Digital Art", "Design", "Drawing", "Craft"];
const MODEL_KEYS = [
  "bestFor", "capabilities", "description", "name", "pricing", "provider", "providerModelId",
  "released", "researcher", "researcherUrl", "samplePrompts", "slug", "tags",
];
const STYLE_KEYS = ["alias", "category", "description", "name", "palette", "prompt", "slug"];

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe("models.json", () => {
  it("has at least 40 models, the embedded renderer first", () => {
    expect(models.length).toBeGreaterThanOrEqual(40);
    expect(models[0].slug).toBe("procedural");
    expect(models[0].provider).toBe("embedded");
  });

  it("is counted in the README as it is (the pages count it at run time)", () => {
    const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    expect(readme).toContain(`one of the ${models.length} catalogued models`);
    expect(readme).not.toMatch(/\d+\+ (catalogued )?models/);
  });

  it("has unique kebab-case slugs", () => {
    const slugs = models.map((m) => m.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug, slug).toMatch(MODEL_SLUG);
  });

  it("includes the models named in the public docs", () => {
    const slugs = new Set(models.map((m) => m.slug));
    for (const slug of ["procedural", "flux-2", "gpt-image-1.5"]) expect(slugs.has(slug), slug).toBe(true);
  });

  it("gives every model exactly the expected keys and non-empty text", () => {
    for (const m of models) {
      expect(Object.keys(m).sort(), m.slug).toEqual(MODEL_KEYS);
      for (const key of ["name", "description", "bestFor", "providerModelId", "researcher"] as const) {
        expect(m[key].trim().length, `${m.slug}.${key}`).toBeGreaterThan(0);
      }
      expect(m.released, m.slug).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(m.researcherUrl, m.slug).toMatch(/^https:\/\//);
      expect(PROVIDERS, m.slug).toContain(m.provider);
    }
  });

  it("prices every model in positive integer credits with hd >= standard", () => {
    for (const m of models) {
      expect(Number.isInteger(m.pricing.standard) && m.pricing.standard > 0, m.slug).toBe(true);
      expect(Number.isInteger(m.pricing.hd) && m.pricing.hd > 0, m.slug).toBe(true);
      expect(m.pricing.hd, m.slug).toBeGreaterThanOrEqual(m.pricing.standard);
    }
  });

  it("has 2-5 lowercase tags consistent with the capabilities", () => {
    for (const m of models) {
      expect(m.tags.length, m.slug).toBeGreaterThanOrEqual(2);
      expect(m.tags.length, m.slug).toBeLessThanOrEqual(5);
      expect(new Set(m.tags).size, m.slug).toBe(m.tags.length);
      for (const tag of m.tags) expect(tag, m.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.tags.includes("ref"), `${m.slug} ref tag`).toBe(m.capabilities.referenceImages);
      expect(m.tags.includes("vector"), `${m.slug} vector tag`).toBe(m.capabilities.output === "vector");
    }
  });

  it("has well-formed capabilities and sample prompts", () => {
    for (const m of models) {
      const c = m.capabilities;
      expect(typeof c.seed, m.slug).toBe("boolean");
      expect(typeof c.referenceImages, m.slug).toBe("boolean");
      expect(Number.isInteger(c.maxImagesPerCall) && c.maxImagesPerCall >= 1, m.slug).toBe(true);
      expect(["raster", "vector"], m.slug).toContain(c.output);
      if (m.provider === "openai" || m.provider === "google") expect(c.seed, m.slug).toBe(false);
      expect(m.samplePrompts.length, m.slug).toBeGreaterThanOrEqual(2);
      for (const p of m.samplePrompts) expect(p.trim().length, m.slug).toBeGreaterThan(0);
    }
  });
});

describe("styles.json", () => {
  it("has at least 24 styles, no-style first", () => {
    expect(styles.length).toBeGreaterThanOrEqual(24);
    expect(styles[0].slug).toBe("no-style");
    expect(styles[0].category).toBe("None");
    expect(styles[0].prompt).toBe("{prompt}");
  });

  it("has unique kebab-case slugs, including those named in the public docs", () => {
    const slugs = styles.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug, slug).toMatch(STYLE_SLUG);
    for (const slug of ["no-style", "watercolor", "anime", "art-deco", "oil-painting"]) {
      expect(slugs, slug).toContain(slug);
    }
  });

  it("gives every style exactly the expected keys and a known category", () => {
    for (const s of styles) {
      expect(Object.keys(s).sort(), s.slug).toEqual(STYLE_KEYS);
      expect(CATEGORIES, s.slug).toContain(s.category);
      expect(s.name.trim().length, s.slug).toBeGreaterThan(0);
      expect(s.description.trim().length, s.slug).toBeGreaterThan(0);
    }
  });

  it("has a prompt template containing {prompt} exactly once", () => {
    for (const s of styles) expect(occurrences(s.prompt, "{prompt}"), s.slug).toBe(1);
  });

  it("has 0-3 lowercase aliases that clash with no slug or other alias", () => {
    const slugs = new Set(styles.map((s) => s.slug));
    const seen = new Set<string>();
    for (const s of styles) {
      expect(s.alias.length, s.slug).toBeLessThanOrEqual(3);
      for (const a of s.alias) {
        expect(a, s.slug).toBe(a.toLowerCase());
        expect(slugs.has(a), `${s.slug} alias ${a} is a slug`).toBe(false);
        expect(seen.has(a), `${s.slug} alias ${a} repeated`).toBe(false);
        seen.add(a);
      }
    }
  });

  it("has a palette of exactly 6 hex colours, darkest first and lightest last", () => {
    for (const s of styles) {
      expect(s.palette.length, s.slug).toBe(6);
      for (const c of s.palette) expect(c, s.slug).toMatch(HEX);
      expect(luminance(s.palette[0]), s.slug).toBeLessThan(luminance(s.palette[5]));
    }
  });

  it("gives every style a distinct palette", () => {
    const keys = styles.map((s) => s.palette.join(",").toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
