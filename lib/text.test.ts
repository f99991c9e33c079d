import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodError } from "@/lib/zod-message";
import { text } from "./text";

describe("text(): a string field that refuses U+0000", () => {
  const schema = z.object({ prompt: text("prompt").trim().min(1, "prompt must not be empty") });

  it("accepts ordinary text, including other control characters and non-ASCII", () => {
    expect(schema.parse({ prompt: " a\tb\u0001é🦊 " })).toEqual({ prompt: "a\tb\u0001é🦊" });
  });

  it.each(["\u0000", "a\u0000b", "abc\u0000", "  \u0000  "])("refuses %j with a message naming the field", (prompt) => {
    const r = schema.safeParse({ prompt });
    expect(r.success).toBe(false);
    expect(describeZodError(r.error!)).toBe("prompt must not contain the NUL character (U+0000): send text without it");
  });

  it("keeps the type's own error for a non-string", () => {
    const r = z.object({ name: text("name", { error: "name must be a string" }) }).safeParse({ name: 5 });
    expect(describeZodError(r.error!)).toBe("name must be a string");
  });
});
