import fc from "fast-check";

/**
 * Generators for the HTTP fuzz suite (tests/http/fuzz.test.ts): hostile strings, path
 * segments, cursors, JSON bodies and JSON-RPC messages, as an attacker or a broken client
 * would send them.
 */

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Known {
  key: string;
  batchId: string;
  imageId: string;
  cookie: string;
  adminToken: string;
}

const LONE_SURROGATES = ["\ud800", "\udfff", "a\ud83d", "\ude00b"];

/** Strings PostgreSQL, JSON parsers, URL parsers and zod have each choked on somewhere. */
export const nasty: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "",
    "\u0000",
    "a\u0000b",
    ...LONE_SURROGATES,
    "x".repeat(5000),
    "💥🎨",
    "../../etc/passwd",
    "%00",
    "%ff",
    "' OR 1=1 --",
    "${jndi:ldap://x}",
    "<script>alert(1)</script>",
    "img_",
    "bat_",
    "pxk_",
    "null",
    "undefined",
    "NaN",
    "-1",
    "1e400",
    "procedural",
    "flux-2-pro",
    "watercolor",
    "widescreen",
    "\u202e\u200b",
    " ",
  ),
);

/** Percent-encodes like encodeURIComponent, but lone surrogates become invalid UTF-8 instead of throwing. */
export function encodeLoose(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0xd800 && cp <= 0xdfff ? "%ED%A0%80" : encodeURIComponent(ch);
  }
  return out;
}

const badEscapes = fc.constantFrom("%ff", "%c0%80", "%", "%zz", "%E0%A4%A", "%ED%A0%80", "a%ff%fe", "%00", "%2e%2e", "%2F");

export const segment = (known: Known): fc.Arbitrary<string> =>
  fc.oneof(
    nasty.map(encodeLoose),
    badEscapes,
    fc.constantFrom(known.batchId, known.imageId, `${known.imageId}.png`, "img_00000000000000000000", "bat_00000000000000000000"),
    fc.tuple(nasty.map(encodeLoose), badEscapes).map(([a, b]) => a + b),
  );

/** List cursors: base64url of `<date>|<id>` with dates PostgreSQL cannot hold, or garbage. */
export const cursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom("-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "2026-13-45T99:99:99Z", ""),
        fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString())),
        nasty,
      ),
      nasty,
    )
    .map(([d, id]) => Buffer.from(`${d}|${id}`).toString("base64url")),
  nasty.map(encodeLoose),
);

/** JSON scalar and container values, with the edge numbers and strings. */
export const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nasty,
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -0, 1, 4, 5, 100, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER, true, false, null),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(nasty, tie("v"), { maxKeys: 4 }),
  ),
})).v;

const GENERATE_FIELDS = ["prompt", "model", "style", "shape", "count", "seed", "negativePrompt", "wait", "idempotencyKey", "width", "height"];

/** Bodies that look like /generate requests, with each field possibly wrong. */
const generateLike = fc
  .dictionary(fc.oneof(fc.constantFrom(...GENERATE_FIELDS), nasty), value, { maxKeys: 6 })
  .map((o) => JSON.stringify(o));

/** Raw body texts JSON.stringify never produces: deep nesting, huge numbers, broken syntax. */
const rawJson = fc.oneof(
  fc.integer({ min: 10, max: 20000 }).map((n) => "[".repeat(n) + "]".repeat(n)),
  fc.integer({ min: 10, max: 5000 }).map((n) => '{"a":'.repeat(n) + "1" + "}".repeat(n)),
  fc.constantFrom(
    '{"prompt": 1e999}',
    '{"prompt": "a", "count": 1e999}',
    '{"count": -0}',
    '{"count": 123456789012345678901234567890}',
    '{"prompt":"\\u0000"}',
    '{"prompt":"\\ud800"}',
    '{"prompt": "a"',
    "{",
    "[]",
    "null",
    "true",
    '"string"',
    "\u0000",
    '{"__proto__": {"admin": true}, "prompt": "x"}',
    '{"constructor": {"prototype": {"x": 1}}}',
  ),
  nasty,
);

export const jsonBody: fc.Arbitrary<string> = fc.oneof(generateLike, value.map((v) => JSON.stringify(v) ?? "null"), rawJson);

const TOOLS = ["generate_image", "get_batch", "get_image", "list_images", "list_models", "list_styles", "list_shapes", "check_credits"];

const toolArguments = (known: Known) =>
  fc.oneof(
    fc.dictionary(
      fc.oneof(fc.constantFrom("prompt", "model", "style", "shape", "count", "batch_id", "image_id", "cursor", "limit", "wait_seconds", "seed"), nasty),
      fc.oneof(value, fc.constantFrom(known.batchId, known.imageId), cursor),
      { maxKeys: 5 },
    ),
    value,
  );

export const jsonRpcMessage = (known: Known): fc.Arbitrary<unknown> =>
  fc.record(
    {
      jsonrpc: fc.oneof(fc.constant("2.0"), fc.constant("2.0"), fc.constant("2.0"), value),
      id: fc.oneof(fc.integer(), nasty, fc.constant(null), value),
      method: fc.oneof(
        fc.constantFrom("initialize", "tools/list", "tools/call", "tools/call", "tools/call", "ping", "notifications/initialized", "resources/list", "prompts/list", "logging/setLevel", "completion/complete"),
        nasty,
      ),
      params: fc.oneof(
        fc.record({ name: fc.oneof(fc.constantFrom(...TOOLS), nasty), arguments: toolArguments(known) }, { requiredKeys: [] }),
        fc.record(
          {
            protocolVersion: fc.oneof(fc.constantFrom("2025-06-18", "2025-03-26", "2024-11-05", "2025-11-25"), value),
            capabilities: value,
            clientInfo: value,
          },
          { requiredKeys: [] },
        ),
        value,
      ),
    },
    { requiredKeys: ["method"] },
  );

export const mcpBody = (known: Known): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: jsonRpcMessage(known).map((m) => JSON.stringify(m)) },
    { weight: 2, arbitrary: fc.array(jsonRpcMessage(known), { minLength: 0, maxLength: 40 }).map((m) => JSON.stringify(m)) },
    { weight: 1, arbitrary: rawJson },
  );

/** Header values a client can put on the wire (fetch refuses control characters and non-Latin-1). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });

const authorization = (known: Known) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(`Bearer ${known.key}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: headerText.map((s) => `Bearer ${s}`) },
    { weight: 1, arbitrary: headerText.map((s) => `Bearer pxk_${s}`) },
    { weight: 1, arbitrary: fc.constantFrom("Bearer", "Bearer ", "Basic Zm9vOmJhcg==", `bearer ${known.key}`, `Bearer  ${known.key}`, `Bearer ${known.key.slice(0, -1)}x`, "x".repeat(8000)) },
  );

const pathFor = (known: Known) =>
  fc.oneof(
    segment(known).map((s) => `/api/v1/batches/${s}`),
    segment(known).map((s) => `/api/v1/images/${s}`),
    segment(known).map((s) => `/api/v1/images/${s}/preview`),
    fc.tuple(cursor, fc.oneof(nasty.map(encodeLoose), fc.constantFrom("1", "0", "-5", "100", "1e3", "999999999999"))).map(([c, l]) => `/api/v1/images?cursor=${c}&limit=${l}`),
    segment(known).map((s) => `/api/v1/models/${s}`),
    segment(known).map((s) => `/api/v1/styles/${s}`),
    segment(known).map((s) => `/api/v1/styles/${s}/preview`),
    segment(known).map((s) => `/api/v1/shapes/${s}`),
    fc.constantFrom("/api/v1/models", "/api/v1/styles", "/api/v1/shapes", "/api/v1/credits", "/api/v1/openapi.json"),
    cursor.map((c) => `/api/v1/credits?ledgerCursor=${c}&cursor=${c}`),
    segment(known).map((s) => `/api/dashboard/batches/${s}`),
    fc.tuple(segment(known), nasty.map(encodeLoose), nasty.map(encodeLoose)).map(([k, e, s]) => `/files/${k}?exp=${e}&sig=${s}`),
    segment(known).map((s) => `/api/admin/keys/${s}/revoke`),
    fc.constantFrom("/api/admin/keys", "/api/admin/previews"),
    segment(known).map((s) => `/api/${s}`),
    segment(known).map((s) => `/.well-known/${s}`),
    segment(known).map((s) => `/images/${s}`),
    fc.constantFrom("/", "/dashboard", "/settings/api-keys", "/credits", "/sign-in", "/sign-up"),
  );

/** A request to anywhere but /mcp and /generate. */
const elsewhere = (known: Known): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      method: fc.constantFrom("GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"),
      path: pathFor(known),
      auth: authorization(known),
      admin: fc.boolean(),
      cookie: fc.boolean(),
      body: fc.option(jsonBody, { nil: undefined }),
      contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined),
      action: fc.option(fc.constantFrom("7f3a9c0d1e2b4a5968778695a4b3c2d1e0f9a8b7", "x"), { nil: undefined }),
    })
    .map((r) => ({
      method: r.method,
      path: r.path,
      headers: clean({
        authorization: r.path.startsWith("/api/admin") && r.admin ? `Bearer ${known.adminToken}` : r.auth,
        cookie: r.cookie ? known.cookie : undefined,
        "content-type": r.body === undefined ? undefined : r.contentType,
        "next-action": r.action,
      }),
      body: r.method === "GET" || r.method === "HEAD" ? undefined : r.body,
    }));

const generate = (known: Known): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      body: jsonBody,
      auth: authorization(known),
      idempotency: fc.option(headerText, { nil: undefined }),
      contentType: fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", undefined),
    })
    .map((r) => ({
      method: "POST",
      path: "/api/v1/generate",
      headers: clean({ authorization: r.auth, "idempotency-key": r.idempotency, "content-type": r.contentType }),
      body: r.body,
    }));

const mcp = (known: Known): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      method: fc.constantFrom("POST", "POST", "POST", "POST", "GET", "DELETE", "OPTIONS"),
      body: mcpBody(known),
      auth: authorization(known),
      accept: fc.constantFrom("application/json, text/event-stream", "application/json, text/event-stream", "application/json", "text/event-stream", "*/*", undefined),
      version: fc.oneof(fc.constantFrom(undefined, undefined, "2025-06-18", "2025-03-26", "2025-11-25"), headerText),
      session: fc.option(headerText, { nil: undefined }),
      origin: fc.constantFrom(undefined, undefined, "http://evil.example", "null"),
    })
    .map((r) => ({
      method: r.method,
      path: "/mcp",
      headers: clean({
        authorization: r.auth,
        accept: r.accept,
        "content-type": "application/json",
        "mcp-protocol-version": r.version,
        "mcp-session-id": r.session,
        origin: r.origin,
      }),
      body: r.method === "POST" ? r.body : undefined,
    }));

export const fuzzRequest = (known: Known): fc.Arbitrary<FuzzRequest> =>
  fc.oneof({ weight: 4, arbitrary: elsewhere(known) }, { weight: 2, arbitrary: generate(known) }, { weight: 3, arbitrary: mcp(known) });

function clean(h: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => e[1] !== undefined));
}
