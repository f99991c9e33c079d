import { describe, expect, it } from "vitest";
import { allowedOrigins, originRejection } from "./origin";

const allowed = allowedOrigins("https://pixola.example", ["http://localhost:6274", "not a url", "https://Tools.Example:8443/"]);
const request = (origin?: string) => new Request("https://pixola.example/mcp", { method: "POST", headers: origin === undefined ? {} : { origin } });

describe("Origin check", () => {
  it.each([undefined, "https://pixola.example", "http://localhost:6274", "https://tools.example:8443", "https://PIXOLA.example:443"])(
    "lets %s through",
    (origin) => expect(originRejection(request(origin), allowed, "req_1")).toBeNull(),
  );

  it.each(["https://evil.example", "http://pixola.example", "https://pixola.example:8443", "http://localhost:6275", "null", "file://", "garbage"])(
    "answers %s with 403",
    async (origin) => {
      const res = originRejection(request(origin), allowed, "req_1")!;
      expect(res.status).toBe(403);
      expect(res.headers.get("x-request-id")).toBe("req_1");
      expect(await res.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000, message: expect.stringContaining(origin) } });
    },
  );
});
