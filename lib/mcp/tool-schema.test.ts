import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toolSchema } from "./tool-schema";

describe("toolSchema", () => {
  const zod = z.object({ count: z.number().int().min(1).max(4).describe("How many") });
  const schema = toolSchema(zod);
  const options = { target: "draft-2020-12" } as const;

  it("converts once per io and target, to what zod itself produces, frozen", () => {
    const first = schema["~standard"].jsonSchema.input(options);
    expect(first).toEqual(zod["~standard"].jsonSchema.input(options));
    expect(schema["~standard"].jsonSchema.input(options)).toBe(first);
    expect(schema["~standard"].jsonSchema.output(options)).not.toBe(first);
    expect(Object.isFrozen((first.properties as Record<string, object>).count)).toBe(true);
  });

  it("still validates with zod", async () => {
    expect(await schema["~standard"].validate({ count: 2 })).toEqual({ value: { count: 2 } });
    const bad = await schema["~standard"].validate({ count: 9 });
    expect("issues" in bad && bad.issues?.length).toBe(1);
  });
});
