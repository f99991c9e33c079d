import { and, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { batches, images } from "@/db/schema";
import { text } from "@/lib/text";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (field: string) =>
  text(field)
    .regex(DAY, `${field} must be a date as YYYY-MM-DD (UTC), e.g. 2026-11-30`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: `${field} must be a real calendar date as YYYY-MM-DD, e.g. 2026-11-30`,
    });
const slug = (field: string) => text(field).trim().max(64, `${field} must be at most 64 characters (a catalog slug)`);

/** The gallery's filters, all optional; empty strings (a cleared form field) mean "any". */
export const imageFilters = z.object({
  q: text("q").trim().max(200, "q (the prompt search) must be at most 200 characters").optional(),
  model: slug("model").optional(),
  style: slug("style").optional(),
  from: day("from").optional(),
  to: day("to").optional(),
});
export type ImageFilters = z.infer<typeof imageFilters>;

/** Keeps only the filters that are set, so `?q=&model=` reads as no filter at all. */
export function presentFilters(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(imageFilters.shape)) {
    const v = raw[k];
    if (typeof v === "string" && v.trim() !== "") out[k] = v;
  }
  return out;
}

/** `%`, `_` and `\` match themselves: the search is for the text typed, not a pattern. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);

/** The filters as SQL over images ⋈ batches; dates are whole UTC days, `to` included. */
export function filterSql(f: ImageFilters): SQL | undefined {
  return and(
    f.q ? ilike(batches.prompt, `%${escapeLike(f.q)}%`) : undefined,
    f.model ? eq(batches.model, f.model) : undefined,
    f.style ? eq(batches.style, f.style) : undefined,
    f.from ? gte(images.createdAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(images.createdAt, nextDay(f.to)) : undefined,
  );
}
