import { isDeeplyFrozen } from "./deep-freeze";

const texts = new WeakMap<object, string>();

/**
 * `JSON.stringify(value)`, with the text of every deeply frozen part (`deepFreeze`) made once
 * per part and reused: such a part can never change, so its text cannot either. A shared
 * catalog list handed out again and again (list_models: 53 models, ~20 KB) is serialized once,
 * while the plain objects around it (a result envelope, a copy made by a validator) are
 * serialized as usual. Only plain objects and arrays are walked; anything else — primitives,
 * values with `toJSON` (dates), class instances — goes to `JSON.stringify` unchanged.
 */
export function frozenJson(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (isDeeplyFrozen(value)) {
    let text = texts.get(value);
    if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
    return text;
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(frozenJson(value[i]) ?? "null");
    return `[${items.join(",")}]`;
  }
  if (!isPlainObject(value)) return JSON.stringify(value);
  const members: string[] = [];
  for (const key of Object.keys(value)) {
    const text = frozenJson((value as Record<string, unknown>)[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(",")}}`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}
