/** Flattens the OpenAPI document into what the /docs/api page renders. */
type Json = Record<string, unknown>;

export interface SchemaProperty {
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface Operation {
  id: string;
  method: string;
  path: string;
  summary: string;
  auth: boolean;
  parameters: { name: string; in: string; required: boolean; type: string; description?: string }[];
  body?: { properties: SchemaProperty[]; schema: Json };
  responses: { status: string; description: string; schema?: Json }[];
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
      const bodySchema = asObj(asObj(asObj(asObj(op.requestBody).content)["application/json"]).schema);
      ops.push({
        id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "").toLowerCase(),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ""),
        auth: Array.isArray(op.security) && op.security.length > 0,
        parameters: (Array.isArray(op.parameters) ? op.parameters : []).map((p) => {
          const q = asObj(p);
          return {
            name: String(q.name),
            in: String(q.in),
            required: Boolean(q.required),
            type: typeOf(asObj(q.schema)),
            description: typeof q.description === "string" ? q.description : undefined,
          };
        }),
        body: op.requestBody ? { properties: propertiesOf(bodySchema), schema: bodySchema } : undefined,
        responses: Object.entries(asObj(op.responses)).map(([status, r]) => {
          let res = asObj(r);
          if (typeof res.$ref === "string") res = asObj(sharedResponses[res.$ref.split("/").pop()!]);
          const schema = asObj(asObj(asObj(res.content)["application/json"]).schema);
          return { status, description: String(res.description ?? ""), schema: Object.keys(schema).length ? schema : undefined };
        }),
      });
    }
  }
  return ops;
}
