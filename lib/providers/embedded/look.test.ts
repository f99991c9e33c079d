import { describe, expect, it } from "vitest";
import { treatmentFor } from "./look";

describe("treatmentFor", () => {
  it.each([
    ["watercolor", "watercolor"], ["water-color", "watercolor"], ["oil-painting", "oil"], ["anime", "anime"],
    ["cel-shaded", "anime"], ["art-deco", "deco"], ["pixel-art", "pixel"], ["retro-game", "pixel"], ["no-style", "plain"],
    // Whole words only: these contain "ink", "cel" and "oil" but are not those styles.
    ["pink-dream", "plain"], ["excellent", "plain"], ["foil", "plain"],
  ])("maps %s to %s", (slug, treatment) => {
    expect(treatmentFor(slug)).toBe(treatment);
  });
});
