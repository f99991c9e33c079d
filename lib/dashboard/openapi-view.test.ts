import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "@/lib/http/openapi";
import { generateRequestExample } from "@/lib/http/openapi-examples";
import { curlExample, operationsOf } from "./openapi-view";

const doc = buildOpenApi("https://pixola.example.com");
const ops = operationsOf(doc);
const BASE = doc.servers[0].url;

/** What curl would receive: the shell runs the command with a stand-in that prints its arguments. */
const argsOf = (cmd: string) =>
  execFileSync("sh", ["-c", `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${cmd}`], { encoding: "utf8" }).split("\0").slice(0, -1);

describe("operationsOf and curlExample", () => {
  it("gives every operation a runnable example request with its parameters filled in", () => {
    for (const op of ops) {
      const args = argsOf(curlExample(BASE, op));
      const url = args.find((a) => a.startsWith(BASE))!;
      expect(url, op.id).not.toMatch(/[{}]/);
      expect(args.includes(`Authorization: Bearer pxk_your_api_key`), op.id).toBe(op.auth);
    }
    const generate = ops.find((o) => o.method === "POST" && o.path === "/generate")!;
    const args = argsOf(curlExample(BASE, generate));
    expect(args).toContain(`${BASE}/generate`);
    expect(JSON.parse(args[args.indexOf("-d") + 1])).toEqual(generateRequestExample);
    expect(argsOf(curlExample(BASE, ops.find((o) => o.path === "/images/{imageId}")!))).toContain(`${BASE}/images/img_5kQ2mT8vXw3yZ1aB`);
  });

  it("names each error response and gives its example body, and each 2xx its fields and example", () => {
    const generate = ops.find((o) => o.method === "POST" && o.path === "/generate")!;
    const byStatus = Object.fromEntries(generate.responses.map((r) => [r.status, r]));
    expect(byStatus["400"]).toMatchObject({ name: "BadRequest", examples: [{ name: "bad_request", value: { error: { code: "bad_request" } } }] });
    expect(byStatus["409"].examples.map((e) => e.name)).toEqual(["insufficient_credits", "conflict"]);
    expect(byStatus["413"].name).toBe("PayloadTooLarge");
    expect(byStatus["422"].name).toBe("Unprocessable");
    expect(byStatus["429"].name).toBe("RateLimited");
    expect(byStatus["202"].properties.map((p) => p.name)).toContain("pollUrl");
    expect(byStatus["202"].examples).toHaveLength(1);
    // Every JSON response has an example body (the preview's 200 is a WebP image, its 304 has no body).
    for (const op of ops) for (const r of op.responses) if (r.mediaType === "application/json") expect(r.examples.length, `${op.id} ${r.status}`).toBeGreaterThan(0);
    const preview = ops.find((o) => o.path === "/images/{imageId}/preview")!;
    expect(preview.responses.find((r) => r.status === "200")?.mediaType).toBe("image/webp");
  });
});
