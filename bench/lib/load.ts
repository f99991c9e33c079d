import http from "node:http";

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  /** Every answered request's latency in ms, sorted. */
  latencies: number[];
}

interface RequestSpec {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request on `agent`; its latency goes to `latencies` when it answers < 400, else it counts as an error. */
function timedRequest(agent: http.Agent, target: URL, spec: RequestSpec, tally: { latencies: number[]; errors: number }) {
  return new Promise<void>((resolve) => {
    const t0 = performance.now();
    const req = http.request(
      { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: spec.method ?? "GET", headers: spec.headers },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => {
          if (res.statusCode && res.statusCode < 400) tally.latencies.push(performance.now() - t0);
          else tally.errors++;
          resolve();
        });
      },
    );
    req.on("error", () => {
      tally.errors++;
      resolve();
    });
    req.end(spec.body);
  });
}

function summarize(tally: { latencies: number[]; errors: number }, elapsedS: number) {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  return { requests: latencies.length, errors: tally.errors, rps: latencies.length / elapsedS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), latencies };
}

/** The p-th percentile of ascending `sorted`. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * A closed-loop HTTP load generator on loopback: `connections` keep-alive clients each send
 * the next request when the previous answer has been read, for `durationMs`. With `agent`
 * (maxSockets ≥ connections), the connections are the caller's and stay open after the run, so
 * rounds of one route go on where the last left off instead of opening 32 connections at once
 * (whose first answers, all in one burst, are 1% of a 2-second round: its whole p99).
 */
export async function runLoad(url: string, opts: { connections: number; durationMs: number; agent?: http.Agent } & RequestSpec): Promise<LoadResult> {
  const agent = opts.agent ?? new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const target = new URL(url);
  const tally = { latencies: [] as number[], errors: 0 };
  const end = performance.now() + opts.durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end) await timedRequest(agent, target, opts, tally);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (!opts.agent) agent.destroy();
  return summarize(tally, elapsed);
}

/**
 * An open-loop probe: one request every 1000/`rps` ms on keep-alive connections, whatever the
 * previous ones are doing, so it samples the latency a request meets without loading the
 * server itself (a closed loop keeps the event loop saturated and measures its own queueing).
 */
export async function runPaced(url: string, opts: { rps: number; durationMs: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(url);
  const tally = { latencies: [] as number[], errors: 0 };
  const inFlight: Promise<void>[] = [];
  const interval = 1000 / opts.rps;
  const started = performance.now();
  for (let i = 0; performance.now() - started < opts.durationMs; i++) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(timedRequest(agent, target, {}, tally));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return summarize(tally, elapsed);
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Requests per second over all rounds; p50 and p99 over all their requests together. (Not the
 * median round's p99: a 2-second round of ~2,500 requests has its p99 at the 25th slowest, so
 * one stall of the 32 connections decides it, and a route with more requests per round,
 * like the floor, has its p99 just past the same stall.)
 */
export function combineRounds(rounds: LoadResult[]): LoadResult {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: rounds.reduce((n, r) => n + r.requests, 0) / rounds.reduce((t, r) => t + r.requests / r.rps, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    latencies,
  };
}
