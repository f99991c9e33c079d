import { isDeeplyFrozen } from "./deep-freeze";

const encoded = new WeakMap<object, Uint8Array>();
const utf8 = new TextEncoder();

/**
 * `JSON.stringify(value)` as UTF-8 chunks, with the bytes of every deeply frozen part
 * (`deepFreeze`) made once per part and handed out again as the same array: such a part can
 * never change, so its text cannot either. A shared catalog list handed out again and again
 * (list_models: 53 models, ~13 KB, names with "×" and "—"; the tool list, ~22 KB) is serialized
 * and encoded once, while the plain objects around it (a result envelope, a copy made by a
 * validator) are serialized as usual, each run of them one fresh chunk. Only plain objects and
 * arrays are walked; anything else — primitives, values with `toJSON` (dates), class
 * instances — goes to `JSON.stringify` unchanged. Undefined where JSON.stringify gives
 * undefined. A frozen part's chunk is shared by every answer that contains it: nothing may
 * write into it.
 */
export function frozenJsonChunks(value: unknown): Uint8Array[] | undefined {
  const parts: Part[] = [];
  if (!write(value, parts)) return undefined;
  const chunks: Uint8Array[] = [];
  let text = "";
  for (const part of parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    if (text) chunks.push(utf8.encode(text));
    text = "";
    chunks.push(part);
  }
  if (text) chunks.push(utf8.encode(text));
  return chunks;
}

/**
 * A Response whose body is `frozenJsonChunks(value)`, streamed as they are. Not one joined
 * array: the web Response copies an array body (a BufferSource) into a fresh buffer, so a
 * joined tools/list answer cost two fresh 22 KB off-heap buffers per request, and V8 runs a
 * full mark-compact for every ~64 MB of those. Under load that was a mark-compact every
 * ~1.7 s that the floor does not have, and the heavier p99 of every large /mcp answer
 * (docs/benchmarks.md, 2026-12-03, second session). A stream hands the shared chunks over
 * without a copy.
 */
export function frozenJsonResponse(value: object, init?: ResponseInit): Response {
  const chunks = frozenJsonChunks(value) ?? [];
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, init);
}

/** Plain JSON text, or the encoded text of a frozen part. */
type Part = string | Uint8Array;

/**
 * Appends the JSON of `value` to `parts`, or nothing and answers false where `JSON.stringify`
 * gives undefined. One list for the whole value, put together once at the end: a join per
 * level would copy a large frozen part again at every level above it.
 */
function write(value: unknown, parts: Part[]): boolean {
  if (typeof value === "object" && value !== null) {
    if (isDeeplyFrozen(value)) {
      let bytes = encoded.get(value);
      if (bytes === undefined) encoded.set(value, (bytes = utf8.encode(JSON.stringify(value))));
      parts.push(bytes);
      return true;
    }
    if (Array.isArray(value)) {
      parts.push("[");
      for (let i = 0; i < value.length; i++) {
        if (i > 0) parts.push(",");
        if (!write(value[i], parts)) parts.push("null");
      }
      parts.push("]");
      return true;
    }
    if (isPlainObject(value)) {
      parts.push("{");
      let first = true;
      for (const key of Object.keys(value)) {
        const at = parts.length;
        parts.push(first ? "" : ",", JSON.stringify(key), ":");
        if (write((value as Record<string, unknown>)[key], parts)) first = false;
        else parts.length = at;
      }
      parts.push("}");
      return true;
    }
  }
  const text = JSON.stringify(value);
  if (text === undefined) return false;
  parts.push(text);
  return true;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}
