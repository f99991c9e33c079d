/**
 * The benchmark's floor (docs/benchmarks.md): a constant body and nothing else — no database,
 * no configuration, no runtime, no access line. What every other route costs is read against
 * it. server.ts's edge guard still runs (it runs for every request); proxy.ts does not (API
 * paths are outside its matcher).
 */
const BODY = '{"ok":true}';
const HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function GET(): Response {
  return new Response(BODY, { headers: HEADERS });
}
