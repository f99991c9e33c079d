import { z } from "zod";

/**
 * One catalog model, as written in db/catalog/models.json and in an operator's CATALOG_FILE.
 * The same schema checks both, at boot, so a bad entry stops the process with a message that
 * names the entry and the field instead of failing a user's request later.
 */
export const catalogEntry = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{0,62}$/, "slug must be 1–63 characters of a–z, 0–9, '.' and '-', starting with a letter or digit"),
  name: z.string().min(1).max(100),
  description: z.string().min(1).max(2000),
  bestFor: z.string().max(200).default(""),
  tags: z.array(z.string().min(1).max(40)).max(20).default([]),
  released: z.string().max(20).default(""),
  provider: z.string().min(1),
  /** The provider's model id; for ComfyUI, the path of an API-format workflow file. */
  providerModelId: z.string().min(1).max(500),
  researcher: z.string().max(100).default(""),
  researcherUrl: z.string().max(300).default(""),
  pricing: z.strictObject({
    standard: z.number().int().min(0).max(100_000),
    hd: z.number().int().min(0).max(100_000),
  }),
  capabilities: z
    .strictObject({
      seed: z.boolean().default(true),
      referenceImages: z.boolean().default(false),
      maxImagesPerCall: z.number().int().min(1).max(10).default(1),
      output: z.enum(["raster", "vector"]).default("raster"),
    })
    .default({ seed: true, referenceImages: false, maxImagesPerCall: 1, output: "raster" }),
  samplePrompts: z.array(z.string().min(1).max(500)).max(10).default([]),
});
export type CatalogEntry = z.output<typeof catalogEntry>;

/**
 * Parses a list of entries. Errors name where they come from, the entry (index and slug) and
 * the field path, e.g. `CATALOG_FILE /etc/pixola/models.json: entry 2 ("my-sdxl"): pricing.hd: …`.
 */
export function parseCatalogEntries(raw: unknown, source: string, knownProviders: readonly string[]): CatalogEntry[] {
  if (!Array.isArray(raw)) throw new Error(`${source}: must be a JSON array of model entries`);
  const problems: string[] = [];
  const out: CatalogEntry[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const slug = item && typeof item === "object" && typeof (item as { slug?: unknown }).slug === "string" ? (item as { slug: string }).slug : undefined;
    const where = `entry ${i}${slug ? ` ("${slug}")` : ""}`;
    const parsed = catalogEntry.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issue.path.join(".") || "(entry)"}: ${issue.message}`);
      return;
    }
    if (!knownProviders.includes(parsed.data.provider)) {
      problems.push(`${where}: provider: '${parsed.data.provider}' is not a provider Pixola knows (${knownProviders.join(", ")})`);
    }
    if (seen.has(parsed.data.slug)) problems.push(`${where}: slug: '${parsed.data.slug}' appears twice`);
    seen.add(parsed.data.slug);
    out.push(parsed.data);
  });
  if (problems.length) throw new Error(`${source}: invalid catalog:\n  ${problems.join("\n  ")}`);
  return out;
}
