import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deepFreeze } from "@/lib/deep-freeze";
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

  it("validates a deeply frozen value once; anything that could have changed, every time", async () => {
    let runs = 0;
    const counted = toolSchema(z.object({ count: z.number().refine(() => ++runs > 0) }));
    const validate = (v: unknown) => counted["~standard"].validate(v);
    const shared = deepFreeze({ count: 1 });
    expect(await validate(shared)).toEqual({ value: { count: 1 } });
    expect(await validate(shared)).toEqual({ value: { count: 1 } });
    expect(runs).toBe(1);
    const plain = { count: 1 };
    await validate(plain);
    await validate(plain);
    expect(runs).toBe(3);
    // Frozen, but not through deepFreeze: its insides are not known to be fixed.
    const shallow = Object.freeze({ count: 1 });
    await validate(shallow);
    await validate(shallow);
    expect(runs).toBe(5);
    // A frozen value that failed is not remembered as passed.
    const wrong = deepFreeze({ count: "one" });
    expect("issues" in (await validate(wrong))).toBe(true);
    expect("issues" in (await validate(wrong))).toBe(true);
  });
});
