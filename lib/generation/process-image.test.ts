import { describe, expect, it } from "vitest";
import { withoutEcho } from "./process-image";

describe("withoutEcho (provider error text in logs)", () => {
  it("removes a prompt the provider echoes back, as sent or JSON-escaped", () => {
    const prompt = 'a "secret" lighthouse\nat dusk';
    const body = `{"error":"invalid input: ${JSON.stringify(prompt).slice(1, -1)} is too long"} raw: ${prompt}`;
    const out = withoutEcho(body, [prompt, `${prompt}, watercolor`])!;
    expect(out).not.toContain("secret");
    expect(out).toBe('{"error":"invalid input: [prompt] is too long"} raw: [prompt]');
  });

  it("keeps text that holds no prompt, and ignores prompts too short to mean anything", () => {
    expect(withoutEcho("HTTP 500 upstream timeout", ["a cat"])).toBe("HTTP 500 upstream timeout");
    expect(withoutEcho("abc", ["a"])).toBe("abc");
    expect(withoutEcho(undefined, ["a cat"])).toBeUndefined();
  });
});
