import { describe, expect, it } from "vitest";
import type { Catalog, ModelRow, ShapeRow, StyleRow } from "@/lib/catalog/load-catalog";
import { applyStyle, resolveOptions } from "./resolve-options";

const model = (slug: string, standard: number, hd: number, available = true): ModelRow =>
  ({ slug, priceStandard: standard, priceHd: hd, provider: available ? "embedded" : "fal" }) as ModelRow;
const style = (slug: string, alias: string[] = []): StyleRow => ({ slug, alias, prompt: "{prompt}, in style" }) as StyleRow;
const shape = (slug: string): ShapeRow => ({ slug, width: 1024, height: 1024 }) as ShapeRow;

function catalog(): Catalog {
  const models = [model("procedural", 1, 2), model("gpt-image-1", 51, 201), model("flux-2", 15, 30, false)];
  const styles = [style("no-style"), style("watercolor", ["aquarelle"])];
  const shapes = [shape("square"), shape("landscape-wide")];
  return {
    models,
    styles,
    shapes,
    modelBySlug: new Map(models.map((m) => [m.slug, m])),
    styleBySlug: new Map(styles.map((s) => [s.slug, s])),
    shapeBySlug: new Map(shapes.map((s) => [s.slug, s])),
    defaultModel: models[0],
    isAvailable: (m) => m.provider === "embedded",
  };
}

describe("pricing and option resolution", () => {
  it("uses the defaults: default model, no-style, square, standard", () => {
    const r = resolveOptions(catalog(), {});
    expect([r.model.slug, r.style.slug, r.shape.slug, r.quality, r.unitPrice]).toEqual(["procedural", "no-style", "square", "standard", 1]);
  });

  it("prices per image by quality", () => {
    expect(resolveOptions(catalog(), { model: "gpt-image-1" }).unitPrice).toBe(51);
    expect(resolveOptions(catalog(), { model: "gpt-image-1", quality: "hd" }).unitPrice).toBe(201);
    expect(resolveOptions(catalog(), { quality: "hd" }).unitPrice).toBe(2);
  });

  it("accepts a style alias", () => {
    expect(resolveOptions(catalog(), { style: "aquarelle" }).style.slug).toBe("watercolor");
  });

  it("names the valid values when a slug is unknown", () => {
    expect(() => resolveOptions(catalog(), { model: "nope" })).toThrow(/Unknown model 'nope'. Available models: procedural, gpt-image-1\./);
    expect(() => resolveOptions(catalog(), { model: "flux-2" })).toThrow(/not available on this server: no running worker is configured for its provider \(fal\)/);
    expect(() => resolveOptions(catalog(), { style: "cubism" })).toThrow(/Valid styles: no-style, watercolor\./);
    expect(() => resolveOptions(catalog(), { shape: "circle" })).toThrow(/Valid shapes: square, landscape-wide\./);
  });

  it("puts the prompt into the style template", () => {
    expect(applyStyle("{prompt}, watercolor", "a fox")).toBe("a fox, watercolor");
    expect(applyStyle("{prompt}", "a $& fox")).toBe("a $& fox");
  });
});
