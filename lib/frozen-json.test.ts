import { describe, expect, it } from "vitest";
import { deepFreeze } from "./deep-freeze";
import { frozenJsonBytes } from "./frozen-json";

const asText = (value: unknown) => {
  const bytes = frozenJsonBytes(value);
  return bytes && new TextDecoder().decode(bytes);
};

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

describe("frozenJsonBytes: JSON.stringify as UTF-8, deeply frozen parts serialized once", () => {
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

  it("answers a fresh array each time, even for a value that is all one frozen part", () => {
    const list = deepFreeze({ name: "1344×756 — «wide»" });
    const first = frozenJsonBytes(list)!;
    first.fill(0);
    expect(asText(list)).toBe(JSON.stringify(list));
    expect(asText({ list })).toBe(JSON.stringify({ list }));
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
