import { describe, expect, it } from "vitest";
import { deepFreeze } from "@/lib/deep-freeze";
import { DomainError } from "@/lib/errors";
import { createPixolaMcpHandler } from "./handler";

const ACCEPT = "application/json, text/event-stream";
const silent = { info() {}, error() {} };
const models = deepFreeze({
  defaultModel: "procedural",
  models: [
    {
      slug: "procedural",
      name: "Pixola Procedural · offline",
      description: "Abstract scenes — 1344×756 and more",
      bestFor: "placeholders",
      tags: ["offline"],
      provider: "embedded",
      available: true,
      default: true,
      pricing: { standard: 1, hd: 2 },
    },
  ],
});
const handler = createPixolaMcpHandler(
  () =>
    ({
      requestId: "req_t",
      listModels: async () => models,
      checkCredits: async () => {
        throw new DomainError("insufficient_credits", "Not enough credits: 0 left.");
      },
    }) as never,
  { waitMs: 1000, inlineThumbnails: false, log: silent },
);

const send = async (body: unknown, headers: Record<string, string> = {}) => {
  const req = new Request("http://test.local/mcp", {
    method: "POST",
    headers: { "content-type": "application/json", accept: ACCEPT, ...headers },
    body: JSON.stringify(body),
  });
  const res = await handler(req, { parsedBody: body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), body: text ? JSON.parse(text) : null };
};
const call = (id: number | string, params: unknown) => ({ jsonrpc: "2.0", id, method: "tools/call", params });

describe("a single tools/call over the JSON exchange", () => {
  it("answers what the SDK's own transport answers: results, tool errors and protocol errors", async () => {
    const cases = [
      call(1, { name: "list_models", arguments: {} }),
      call("s-2", { name: "list_models" }),
      call(3, { name: "check_credits", arguments: {} }),
      call(4, { name: "no_such_tool", arguments: {} }),
      call(5, { name: "list_models", arguments: "not an object" }),
      call(6, { arguments: {} }),
    ];
    for (const one of cases) {
      const fast = await send(one);
      // A batch of one is served by the SDK's transport (handler.ts): the reference answer
      // (which it gives unwrapped, as a batch of one answer).
      const sdk = await send([one]);
      expect(fast.status).toBe(sdk.status);
      expect(fast.type).toBe(sdk.type);
      expect(fast.body).toEqual(Array.isArray(sdk.body) ? sdk.body[0] : sdk.body);
    }
    // And the frozen list comes out whole, twice alike.
    const first = await send(cases[0]);
    expect(first.body.result.structuredContent).toEqual(models);
    expect((await send(cases[0])).body).toEqual(first.body);
  });

  it("leaves what the SDK's transport would refuse to it", async () => {
    const one = call(1, { name: "list_models", arguments: {} });
    expect((await send(one, { accept: "application/json" })).status).toBe(406);
    expect((await send(one, { "mcp-protocol-version": "1999-01-01" })).status).toBe(400);
    expect((await send({ ...one, id: null })).status).toBe(400);
  });
});
