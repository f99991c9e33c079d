/** Flattens the OpenAPI document into what the /docs/api page renders. */
import { KEY_PLACEHOLDER } from "./connect-snippets";
import { shellQuote } from "./generation-snippets";

type Json = Record<string, unknown>;

export interface SchemaProperty {
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface ResponseView {
  status: string;
  /** The named component it refers to (NotFound, RateLimited, …), for errors. */
  name?: string;
  description: string;
  /** The body's media type (application/json, image/webp), null for a response without a body. */
  mediaType: string | null;
  /** The top-level fields of a 2xx body. */
  properties: SchemaProperty[];
  examples: { name: string; value: unknown }[];
}

export interface Operation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  auth: boolean;
  parameters: { name: string; in: string; required: boolean; type: string; description?: string; example?: unknown }[];
  body?: { properties: SchemaProperty[]; schema: Json; example?: unknown };
  responses: ResponseView[];
}

const asObj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});

export function typeOf(schema: Json): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map((s) => typeOf(asObj(s))).join(" | ");
  const t = schema.type;
  if (t === "array") return `${typeOf(asObj(schema.items))}[]`;
  if (Array.isArray(t)) return t.join(" | ");
  if (typeof t === "string") {
    const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` (${schema.minimum}–${schema.maximum})` : "";
    return t + range;
  }
  return "any";
}

export function propertiesOf(schema: Json): SchemaProperty[] {
  const props = asObj(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(props).map(([name, s]) => {
    const p = asObj(s);
    return { name, type: typeOf(p), required: required.has(name), description: typeof p.description === "string" ? p.description : undefined };
  });
}

export function operationsOf(doc: { paths: Record<string, Record<string, unknown>>; components: Json }): Operation[] {
  const sharedResponses = asObj(doc.components.responses);
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = asObj(raw);
      const bodyMedia = asObj(asObj(asObj(op.requestBody).content)["application/json"]);
      const bodySchema = asObj(bodyMedia.schema);
      ops.push({
        id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "").toLowerCase(),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ""),
        description: typeof op.description === "string" ? op.description : undefined,
        auth: Array.isArray(op.security) && op.security.length > 0,
        parameters: (Array.isArray(op.parameters) ? op.parameters : []).map((p) => {
          const q = asObj(p);
          return {
            name: String(q.name),
            in: String(q.in),
            required: Boolean(q.required),
            type: typeOf(asObj(q.schema)),
            description: typeof q.description === "string" ? q.description : undefined,
            example: q.example,
          };
        }),
        body: op.requestBody ? { properties: propertiesOf(bodySchema), schema: bodySchema, example: bodyMedia.example } : undefined,
        responses: Object.entries(asObj(op.responses)).map(([status, r]) => responseOf(status, asObj(r), sharedResponses)),
      });
    }
  }
  return ops;
}

function responseOf(status: string, raw: Json, shared: Json): ResponseView {
  const name = typeof raw.$ref === "string" ? raw.$ref.split("/").pop()! : undefined;
  const res = name ? asObj(shared[name]) : raw;
  const mediaType = Object.keys(asObj(res.content))[0] ?? null;
  const media = asObj(asObj(res.content)["application/json"]);
  const examples =
    media.example !== undefined
      ? [{ name: "example", value: media.example }]
      : Object.entries(asObj(media.examples)).map(([n, e]) => ({ name: n, value: asObj(e).value }));
  return {
    status,
    name,
    description: String(res.description ?? ""),
    mediaType,
    properties: status.startsWith("2") ? propertiesOf(asObj(media.schema)) : [],
    examples,
  };
}

/** A curl command for the operation, with its parameters' examples and the key placeholder. */
export function curlExample(base: string, op: Operation): string {
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    if (p.example === undefined) continue;
    if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
    if (p.in === "query") query.set(p.name, String(p.example));
  }
  const url = `${base}${path}${query.size ? `?${query}` : ""}`;
  const lines = [`curl -sS${op.method === "GET" ? "" : ` -X ${op.method}`} ${shellQuote(url)}`];
  if (op.auth) lines.push(`-H ${shellQuote(`Authorization: Bearer ${KEY_PLACEHOLDER}`)}`);
  if (op.body?.example !== undefined) {
    lines.push("-H 'Content-Type: application/json'", `-d ${shellQuote(JSON.stringify(op.body.example, null, 2))}`);
  }
  return lines.join(" \\\n  ");
}
