import type { Ctx, Scope } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { checkRateLimit, retryAfterHeader } from "@/lib/rate-limit/check-rate-limit";
import { getRuntime, type Runtime } from "@/lib/runtime";
import { withAccessLog } from "./access-log";
import { authenticate } from "./authenticate";
import { errorResponse, json } from "./respond";
import { newRequestId } from "@/lib/ids";

interface HandlerArgs<P> {
  req: Request;
  rt: Runtime;
  params: P;
  requestId: string;
}

type Result = Response | object;

/**
 * The one wrapper of every /api/v1 route: request id → API key → rate limit → scope →
 * handler → errors. Handlers return a plain object (sent as 200 JSON) or a Response.
 * Keyed responses, errors included, carry the key's X-RateLimit-* headers. Public routes
 * (the catalog) need no key and are not limited: there is nothing to count them against.
 */
export function apiRoute<P = Record<string, never>>(
  opts: { scope: Scope },
  handler: (args: HandlerArgs<P> & { ctx: Ctx }) => Promise<Result>,
): (req: Request, route: { params: Promise<P> }) => Promise<Response>;
export function apiRoute<P = Record<string, never>>(
  opts: { public: true },
  handler: (args: HandlerArgs<P>) => Promise<Result>,
): (req: Request, route: { params: Promise<P> }) => Promise<Response>;
export function apiRoute<P>(
  opts: { scope: Scope } | { public: true },
  handler: (args: HandlerArgs<P> & { ctx: Ctx }) => Promise<Result>,
) {
  return (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId();
    return withAccessLog(req, requestId, route.params as Promise<Record<string, string>>, () => run(req, route, requestId));
  };

  async function run(req: Request, route: { params: Promise<P> }, requestId: string): Promise<Response> {
    let limitHeaders: Record<string, string> = {};
    try {
      const rt = await getRuntime();
      const params = await route.params;
      let ctx = undefined as unknown as Ctx;
      if ("scope" in opts) {
        const key = await authenticate(rt.db, req);
        ctx = { db: rt.db, userId: key.userId, actor: { kind: "apiKey", keyId: key.keyId, scopes: key.scopes }, requestId };
        // Counted before the scope check, so a key probing endpoints it may not use still counts.
        const limit = await checkRateLimit({ ctx, limiter: rt.rateLimiter });
        limitHeaders = limit.headers;
        if (limit.error) throw limit.error;
        if (!key.scopes.includes(opts.scope)) {
          throw new DomainError("forbidden", `This API key lacks the '${opts.scope}' scope needed here.`);
        }
      }
      const result = await handler({ req, rt, params, requestId, ctx });
      const res = result instanceof Response ? result : json(result);
      res.headers.set("x-request-id", requestId);
      for (const [name, value] of Object.entries(limitHeaders)) res.headers.set(name, value);
      return res;
    } catch (err) {
      return errorResponse(err, requestId, { ...limitHeaders, ...retryAfterHeader(err) });
    }
  }
}
