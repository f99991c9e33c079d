import { isDeeplyFrozen } from "./deep-freeze";

const encoded = new WeakMap<object, Uint8Array>();
const utf8 = new TextEncoder();

/**
 * `JSON.stringify(value)` as UTF-8 bytes, with the bytes of every deeply frozen part
 * (`deepFreeze`) made once per part and reused: such a part can never change, so its text
 * cannot either. A shared catalog list handed out again and again (list_models: 53 models,
 * ~13 KB, names with "×" and "—") is serialized and encoded once, while the plain objects
 * around it (a result envelope, a copy made by a validator) are serialized as usual. Only plain
 * objects and arrays are walked; anything else — primitives, values with `toJSON` (dates),
 * class instances — goes to `JSON.stringify` unchanged. Undefined where JSON.stringify gives
 * undefined. The answer is a fresh array.
 */
export function frozenJsonBytes(value: unknown): Uint8Array<ArrayBuffer> | undefined {
  const parts: Part[] = [];
  if (!write(value, parts)) return undefined;
  // Runs of text between frozen parts joined, then one array of the exact size: each run
  // encoded straight into it, each frozen part's bytes copied in.
  const runs: Part[] = [];
  let text = "";
  for (const part of parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    if (text) runs.push(text);
    text = "";
    runs.push(part);
  }
  if (text) runs.push(text);
  let size = 0;
  for (const run of runs) size += typeof run === "string" ? Buffer.byteLength(run) : run.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const run of runs) {
    if (typeof run === "string") {
      at += utf8.encodeInto(run, out.subarray(at)).written;
    } else {
      out.set(run, at);
      at += run.length;
    }
  }
  return out;
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
