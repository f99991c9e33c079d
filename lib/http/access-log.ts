import { log } from "@/lib/log";

type Params = Record<string, string | string[] | undefined>;

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * The route's pattern rebuilt from the path and Next's params: `/files/[...key]`, not the
 * storage key; `/api/v1/images/[imageId]`. Ids and keys stay out of the access line, and the
 * query string (signed URLs carry signatures) is never read.
 */
export function routePattern(pathname: string, params: Params = {}): string {
  const segs = pathname.split("/");
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      // A catch-all is always the tail of the path.
      segs.splice(segs.length - value.length, value.length, `[...${name}]`);
    } else if (value !== undefined) {
      const i = segs.findLastIndex((s) => decode(s) === value);
      if (i > 0) segs[i] = `[${name}]`;
    }
  }
  return segs.join("/").slice(0, 200);
}

/**
 * Runs a route handler and writes one access line: method, route pattern, status, duration and
 * request id. 5xx is a warning (the cause has its own error line), 4xx info, the rest debug;
 * a client that hung up is debug whatever the status. Never bodies, never query strings.
 */
export async function withAccessLog(
  req: Request,
  requestId: string,
  params: Promise<Params> | Params | undefined,
  run: () => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  const res = await run();
  const aborted = req.signal?.aborted === true;
  const status = res.status;
  const level = aborted ? "debug" : status >= 500 ? "warn" : status >= 400 ? "info" : "debug";
  const route = routePattern(new URL(req.url).pathname, await Promise.resolve(params).catch(() => undefined));
  log[level]("request", {
    requestId,
    method: req.method,
    route,
    status,
    ms: Math.round(performance.now() - started),
    ...(aborted ? { aborted } : {}),
  });
  return res;
}
