import { describe, expect, it } from "vitest";
import { deepFreeze } from "./deep-freeze";
import { frozenJsonChunks, frozenJsonResponse } from "./frozen-json";

const asText = (value: unknown) => {
  const chunks = frozenJsonChunks(value);
  return chunks && new TextDecoder().decode(Buffer.concat(chunks));
};

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

describe("frozenJsonChunks: JSON.stringify as UTF-8, deeply frozen parts serialized once", () => {
  it("writes exactly what JSON.stringify writes, for values with and without frozen parts", () => {
    const frozenList = deepFreeze({ models: [{ slug: "flux-2", name: "FLUX.2 «pro» — 1344×756", tags: ["a", "b"] }], n: 53 });
    const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const values: unknown[] = [
      undefined,
      null,
      true,
      0,
      -1.5e-7,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "plain",
      'quotes " and \\ and \n and \u2028 and 茶馆 and \ud800',
      [],
      {},
      holes,
      [undefined, () => 1, Symbol("s"), null],
      { a: undefined, b: () => 1, c: Symbol("c"), d: null, "weird key \"": 1 },
      { at: new Date(Date.UTC(2026, 11, 1)), point: new Point(1, 2), boxed: new String("s") },
      { toJSON: () => ({ replaced: true }) },
      Object.assign(Object.create(null), { bare: 1 }),
      { nested: { deeper: [{ x: [1, { y: "z" }] }] } },
      frozenList,
      { result: { structuredContent: frozenList, content: [{ type: "text", text: "hi" }] }, jsonrpc: "2.0", id: 7 },
      [frozenList, { again: frozenList }],
    ];
    for (const v of values) expect(asText(v)).toBe(JSON.stringify(v));
  });

  it("hands out a frozen part's bytes as the same array in every answer, and the text around it fresh", () => {
    const list = deepFreeze({ name: "1344×756 — «wide»" });
    const [open, first, close] = frozenJsonChunks({ list, id: 1 })!;
    const [, again] = frozenJsonChunks({ list, id: 2 })!;
    expect(again).toBe(first);
    expect(new TextDecoder().decode(open)).toBe('{"list":');
    expect(new TextDecoder().decode(close)).toBe(',"id":1}');
    expect(frozenJsonChunks(list)).toEqual([first]);
  });

  it("serializes a frozen part once, however many values it appears in", () => {
    let calls = 0;
    const part = deepFreeze({ stamp: { toJSON: () => `call ${++calls}` } });
    expect(asText({ id: 1, part })).toBe('{"id":1,"part":{"stamp":"call 1"}}');
    expect(asText({ id: 2, part })).toBe('{"id":2,"part":{"stamp":"call 1"}}');
    expect(asText([part])).toBe('[{"stamp":"call 1"}]');
    expect(calls).toBe(1);
  });

  it("serializes everything else every time: only deepFreeze's values count as unchanging", () => {
    let calls = 0;
    const shallow = Object.freeze({ stamp: { toJSON: () => `call ${++calls}` } });
    asText(shallow);
    asText(shallow);
    expect(calls).toBe(2);
  });
});

describe("frozenJsonResponse: a JSON answer streamed from those chunks", () => {
  it("reads back as exactly JSON.stringify's text, with the headers given, however many times it is made", async () => {
    const list = deepFreeze({ models: [{ slug: "flux-2", name: "FLUX.2 — 1344×756" }] });
    const value = { result: { structuredContent: list, content: [{ type: "text", text: "Default model: flux-2" }] }, jsonrpc: "2.0", id: "a1" };
    for (let i = 0; i < 3; i++) {
      const res = frozenJsonResponse(value, { headers: { "content-type": "application/json" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(await res.text()).toBe(JSON.stringify(value));
    }
    // Reading answers leaves the shared bytes as they were.
    expect(asText(list)).toBe(JSON.stringify(list));
  });
});
