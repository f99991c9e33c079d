import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { withAccessLog } from "@/lib/http/access-log";
import { errorResponse } from "@/lib/http/respond";
import { newRequestId } from "@/lib/ids";

type Route = { params: Promise<{ all: string[] }> };

/**
 * better-auth answers; we add the request id and the access line, and catch what it throws so
 * Next never prints a database error's message (which holds the SQL and its parameters).
 */
function serve(method: "GET" | "POST") {
  return (req: Request, route: Route): Promise<Response> => {
    const requestId = newRequestId();
    return withAccessLog(req, requestId, route.params, async () => {
      try {
        const res = await toNextJsHandler(await getAuth())[method](req);
        // A copy: redirects from Response.redirect have immutable headers.
        const out = new Response(res.body, res);
        out.headers.set("x-request-id", requestId);
        // better-auth's address limiter names its wait X-Retry-After; clients read Retry-After.
        const wait = out.headers.get("x-retry-after");
        if (out.status === 429 && wait && !out.headers.has("retry-after")) out.headers.set("retry-after", wait);
        return out;
      } catch (err) {
        return errorResponse(err, requestId);
      }
    });
  };
}

export const GET = serve("GET");
export const POST = serve("POST");
