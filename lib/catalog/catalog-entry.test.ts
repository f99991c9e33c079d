import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtInModels, readCatalogFile } from "@/db/seed";
import { PROVIDER_NAMES } from "@/lib/providers/registry";
import { parseCatalogEntries } from "./catalog-entry";

const entry = (over: Record<string, unknown> = {}) => ({
  slug: "my-sdxl",
  name: "My SDXL",
  description: "SDXL on our own GPU",
  provider: "comfyui",
  providerModelId: "/etc/pixola/sdxl.json",
  pricing: { standard: 2, hd: 4 },
  ...over,
});

function writeTemp(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pixola-cat-")), "models.json");
  fs.writeFileSync(file, content);
  return file;
}

describe("catalog entries: one schema for the built-in catalog and CATALOG_FILE", () => {
  it("the built-in catalog passes it, with every provider known to the registry", () => {
    const models = builtInModels(PROVIDER_NAMES);
    expect(models.length).toBe(53);
    expect(new Set(models.map((m) => m.provider))).toEqual(new Set(PROVIDER_NAMES.filter((p) => p !== "comfyui")));
  });

  it("fills defaults for the optional fields an operator may leave out", () => {
    const [m] = parseCatalogEntries([entry()], "test", PROVIDER_NAMES);
    expect(m.capabilities).toEqual({ seed: true, referenceImages: false, maxImagesPerCall: 1, output: "raster" });
    expect([m.tags, m.samplePrompts, m.bestFor]).toEqual([[], [], ""]);
  });

  it("names the file, the entry and the field of each problem", () => {
    const file = writeTemp(JSON.stringify([entry(), entry({ slug: "cheap", pricing: { standard: "1", hd: 2 } }), { name: "no slug" }]));
    let message = "";
    try {
      readCatalogFile(file, PROVIDER_NAMES);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`CATALOG_FILE ${file}: invalid catalog`);
    expect(message).toMatch(/entry 1 \("cheap"\): pricing\.standard: .*number/);
    expect(message).toMatch(/entry 2: slug: /);
    expect(message).toMatch(/entry 2: description: /);
    expect(message).not.toMatch(/entry 0/);
  });

  it("refuses unknown providers, duplicate slugs, unknown fields and bad slugs", () => {
    const cases: [unknown[], RegExp][] = [
      [[entry({ provider: "midjourney" })], /provider: 'midjourney' is not a provider Pixola knows \(embedded, fal/],
      [[entry(), entry()], /entry 1 \("my-sdxl"\): slug: 'my-sdxl' appears twice/],
      [[entry({ price: 3 })], /entry 0 \("my-sdxl"\): \(entry\): Unrecognized key: "price"/],
      [[entry({ slug: "My Model" })], /slug: slug must be 1–63 characters/],
      [[entry({ pricing: { standard: -1, hd: 2 } })], /pricing\.standard: Too small/],
    ];
    for (const [raw, want] of cases) expect(() => parseCatalogEntries(raw, "test", PROVIDER_NAMES)).toThrow(want);
  });

  it("says so when the file is not JSON or not an array", () => {
    expect(() => readCatalogFile(writeTemp("{oops"), PROVIDER_NAMES)).toThrow(/cannot be read as JSON/);
    expect(() => readCatalogFile(writeTemp("{}"), PROVIDER_NAMES)).toThrow(/must be a JSON array of model entries/);
    expect(() => readCatalogFile("/nonexistent/models.json", PROVIDER_NAMES)).toThrow(/CATALOG_FILE \/nonexistent\/models.json: cannot be read/);
  });
});
