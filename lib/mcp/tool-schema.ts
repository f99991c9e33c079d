import type { StandardSchemaV1, StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { z } from "zod";
import { deepFreeze, isDeeplyFrozen } from "@/lib/deep-freeze";

type JsonSchemaOptions = Parameters<StandardSchemaWithJSON["~standard"]["jsonSchema"]["input"]>[0];

/**
 * A tool schema that converts to JSON Schema once per process. The SDK builds a new
 * McpServer for every request, and the SDK converts each tool's zod schema on every
 * tools/list (and the output schema on every tools/call): measured at ~45% of a tools/list.
 * Validation is still zod's own. The cached JSON is frozen, so any later mutation by the
 * SDK would throw instead of leaking into the next request's answer.
 * A value that was deeply frozen (lib/deep-freeze.ts) when it passed is not validated again:
 * it cannot have changed. The shared, frozen answers (list_models' model list) pass once per
 * process instead of on every call (~40 µs for 53 models).
 */
export function toolSchema<T extends z.ZodType>(schema: T): StandardSchemaWithJSON<z.input<T>, z.output<T>> {
  const std = schema["~standard"];
  const memo = new Map<string, Record<string, unknown>>();
  const cached = (io: "input" | "output") => (options: JsonSchemaOptions) => {
    const key = `${io}:${options.target}`;
    let json = memo.get(key);
    if (!json) memo.set(key, (json = deepFreeze(std.jsonSchema[io](options))));
    return json;
  };
  const passed = new WeakMap<object, StandardSchemaV1.SuccessResult<z.output<T>>>();
  const validate = (value: unknown) => {
    const hit = isDeeplyFrozen(value) ? passed.get(value as object) : undefined;
    if (hit) return hit;
    const result = std.validate(value);
    if (!(result instanceof Promise) && !result.issues && isDeeplyFrozen(value)) passed.set(value as object, result);
    return result;
  };
  return { "~standard": { ...std, validate, jsonSchema: { input: cached("input"), output: cached("output") } } };
}
