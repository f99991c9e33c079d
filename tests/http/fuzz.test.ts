import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApiPath, pathOf } from "@/lib/http/edge-guard";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { createEmptyPostgres } from "../helpers/empty-postgres";
import { fuzzRequest, type FuzzRequest, type Known } from "./fuzz/arbitraries";

/**
 * Issue #9: generated paths, headers, cursors, bodies and JSON-RPC messages against the built
 * app on each database → never a 5xx, never JSON-RPC -32603; on /api, /mcp, /files and
 * /.well-known every refusal is JSON naming what was wrong, and pages answer HTML.
 * FUZZ_SEED replays a run; FUZZ_RUNS changes its size (at least 5,000 in CI).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5200);
const CONCURRENCY = 6;

type Backend = "pglite" | "postgres";
const databases: Backend[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

interface Verdict {
  request: FuzzRequest;
  status: number;
  problem: string;
  body: string;
}

/** What is wrong with this answer, if anything. */
function judge(req: FuzzRequest, status: number, contentType: string, text: string): string | undefined {
  if (status >= 500) return `HTTP ${status}`;
  if (/"code"\s*:\s*-32603\b/.test(text)) return "JSON-RPC -32603 (internal error)";
  if (status < 400 || req.method === "HEAD") return undefined;
  // The path as sent: fetch resolves dot segments (including %2e%2e) the way browsers do.
  const path = new URL(pathOf(req.path), "http://x").pathname;
  // Pages: what a browser navigates to answers the app's own HTML page.
  if (!isApiPath(path)) return req.method !== "GET" || contentType.includes("text/html") ? undefined : `a page refusal answered ${contentType || "no content type"}`;
  if (!contentType.includes("json")) return `an API refusal answered ${contentType || "no content type"}: ${text.slice(0, 80)}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "an API refusal whose body is not JSON";
  }
  const messages = (Array.isArray(body) ? body : [body]).map((b) => (b as { error?: { message?: unknown } })?.error?.message);
  if (!messages.every((m) => typeof m === "string" && m.length > 0)) return "an API refusal without error.message";
  return undefined;
}

async function send(base: string, req: FuzzRequest): Promise<{ status: number; verdict?: Verdict }> {
  const res = await fetch(base + req.path, { method: req.method, headers: req.headers, body: req.body, redirect: "manual" });
  const text = await res.text();
  const problem = judge(req, res.status, res.headers.get("content-type") ?? "", text);
  return { status: res.status, verdict: problem ? { request: req, status: res.status, problem, body: text.slice(0, 300) } : undefined };
}

async function prepare(app: AppServer): Promise<Known> {
  const email = `fuzz-${Date.now()}@example.com`;
  const admin = { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" };
  const keyRes = await fetch(`${app.url}/api/admin/keys`, { method: "POST", headers: admin, body: JSON.stringify({ email, name: "fuzz" }) });
  const { key } = (await keyRes.json()) as { key: string };
  const gen = await fetch(`${app.url}/api/v1/generate`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ prompt: "a lighthouse", model: "procedural" }),
  });
  const { batchId } = (await gen.json()) as { batchId: string };
  let images: { id: string }[] = [];
  for (let i = 0; i < 100 && images.length === 0; i++) {
    const res = await fetch(`${app.url}/api/v1/batches/${batchId}`, { headers: { authorization: `Bearer ${key}` } });
    images = ((await res.json()) as { images?: { id: string }[] }).images ?? [];
    if (images.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  const signUp = await fetch(`${app.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify({ email: `web-${email}`, password: "correct horse battery staple 42", name: "Fuzz" }),
  });
  const cookie = (signUp.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { key, batchId, imageId: images[0].id, cookie, adminToken: app.adminToken };
}

describe.each(databases)("HTTP fuzz (%s)", (backend) => {
  let app: AppServer;
  let drop: (() => Promise<void>) | undefined;
  let known: Known;

  beforeAll(async () => {
    let databaseUrl = "";
    if (backend === "postgres") {
      const db = await createEmptyPostgres();
      databaseUrl = db.url;
      drop = db.drop;
    }
    app = await startAppServer({
      DATABASE_URL: databaseUrl,
      DEFAULT_MODEL: "procedural",
      RATE_LIMIT_PER_MINUTE: "10000000",
      RATE_LIMIT_PER_DAY: "100000000",
      MCP_WAIT_SECONDS: "0",
    });
    known = await prepare(app);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await drop?.();
  });

  it(`${RUNS} generated requests: no 5xx, no -32603, every API refusal a JSON error`, async () => {
    const requests = fc.sample(fuzzRequest(known), { seed: SEED, numRuns: RUNS });
    const failures: Verdict[] = [];
    let sent = 0;
    let next = 0;
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const req = requests[next++];
          const { status, verdict } = await send(app.url, req).catch((err: Error) => ({
            status: 0,
            verdict: { request: req, status: 0, problem: `no answer: ${err.message}`, body: "" },
          }));
          sent++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (verdict) failures.push(verdict);
        }
      }),
    );
    const fiveXx = failures.filter((f) => f.status >= 500).length;
    console.log(`fuzz (${backend}): seed ${SEED}, ${sent} requests sent, ${fiveXx} answered 5xx, ${failures.length} failed a check`);
    console.log(`  statuses: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(" ")}`);
    for (const f of [...failures].sort((a, b) => b.status - a.status).slice(0, 15)) {
      console.log(`  ${f.problem}: ${f.request.method} ${f.request.path.slice(0, 120)} ${JSON.stringify(f.request.headers).slice(0, 200)} body=${(f.request.body ?? "").slice(0, 200)} → ${f.status} ${f.body}`);
    }
    expect(sent).toBeGreaterThanOrEqual(5000);
    expect(failures.map((f) => `${f.problem}: ${f.request.method} ${f.request.path.slice(0, 100)}`)).toEqual([]);
  }, 900_000);
});
