/**
 * The benchmark's floor (docs/benchmarks.md): a constant body and nothing else — no database,
 * no configuration, no runtime, no access line. What every other route costs is read against
 * it. server.ts's edge guard still runs (it runs for every request); proxy.ts does not (API
 * paths are outside its matcher).
 */
import { BODY_TOO_LARGE, readCappedBody } from "@/lib/http/read-capped";

const BODY = '{"ok":true}';
const HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function GET(): Response {
  return new Response(BODY, { headers: HEADERS });
}

/**
 * The floor of a route that takes a body, as every /mcp request does: the body Next.js hands
 * over as a stream, read to its end with the API's cap (what every route that reads a body
 * does), and nothing done with it.
 */
export async function POST(req: Request): Promise<Response> {
  if (!(await readCappedBody(req))) return new Response(TOO_LARGE, { status: 413, headers: HEADERS });
  return new Response(BODY, { headers: HEADERS });
}

const TOO_LARGE = JSON.stringify({ error: { code: "payload_too_large", message: BODY_TOO_LARGE } });
