/**
 * `npm start` / `npm run serve`: the built app behind Next's documented custom-server API
 * (compiled by `npm run build` into dist/server.mjs, scripts/build-server.ts),
 * for what `next start` cannot do:
 * - the client address: `next start` keeps any X-Forwarded-For a client sends, so sign-in
 *   limits keyed by address could be dodged by rotating it. Here the header is replaced with
 *   the TCP peer unless the peer is a proxy named in TRUSTED_PROXIES (lib/http/client-address.ts);
 * - a path whose percent-encoding does not decode (Next answers a plain-text 500): 400;
 * - a server-action POST from another origin (Next answers 500 and logs a stack): 403;
 * - a page form post whose body is not a form action (Next answers 500 or logs a stack): 400;
 * - Next's own refusals on API paths (an empty 405) are answered in JSON (lib/http/json-refusals.ts);
 * - what Next prints with console.error (a page's error, message and stack) goes to the log as
 *   class and code (lib/http/safe-console.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { stopAllCredentials } from "./lib/credentials/shutdown";
import { clientAddress, isTrusted, parseTrustedProxies } from "./lib/http/client-address";
import { isApiPath, isCrossOriginPagePost, malformedPath, pathOf } from "./lib/http/edge-guard";
import { jsonRefusals } from "./lib/http/json-refusals";
import { checkPageFormPost, isMultipart } from "./lib/http/page-form-post";
import { routeConsoleErrorsToLog } from "./lib/http/safe-console";
import { HTTP_STATUS, type ErrorCode } from "./lib/errors";
import { errorBody } from "./lib/http/error-body";
import { newRequestId } from "./lib/ids";
import { log } from "./lib/log";

const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
/** The page shown (with status 400) for a page address that does not decode. */
const BAD_ADDRESS_PAGE = "/bad-address";

routeConsoleErrorsToLog();
const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();

function refuse(res: ServerResponse, code: ErrorCode, message: string) {
  const id = newRequestId();
  res.writeHead(HTTP_STATUS[code], {
    "content-type": "application/json; charset=utf-8",
    "x-request-id": id,
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  });
  res.end(errorBody({ code, message }, id));
}

/** Renders a page but answers `status` whatever status the render sets. */
function withStatus(res: ServerResponse, status: number): ServerResponse {
  const writeHead = res.writeHead.bind(res) as (code: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((_code: number, ...rest: unknown[]) => writeHead(status, ...rest)) as ServerResponse["writeHead"];
  Object.defineProperty(res, "statusCode", { get: () => status, set: () => {}, configurable: true });
  return res;
}

function onRequest(req: IncomingMessage, res: ServerResponse) {
  const peer = req.socket.remoteAddress ?? "";
  const peerTrusted = isTrusted(trusted, peer);
  req.headers["x-forwarded-for"] = clientAddress(peer, req.headers["x-forwarded-for"], trusted);
  // What only a proxy may say about the original request.
  if (!peerTrusted) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
    delete req.headers["x-real-ip"];
  }

  const path = pathOf(req.url ?? "/");
  const bad = malformedPath(path);
  if (bad) {
    if (isApiPath(path)) return refuse(res, "bad_request", bad);
    req.url = BAD_ADDRESS_PAGE;
    return handle(req, withStatus(res, 400));
  }
  const host = (req.headers["x-forwarded-host"] as string | undefined)?.split(",")[0].trim() || req.headers.host;
  if (isCrossOriginPagePost(req.method, path, req.headers.origin, host)) {
    return refuse(res, "forbidden", "This form was sent from another site; it is refused. Use the form on this site.");
  }
  if (isApiPath(path)) {
    jsonRefusals(req, res, path);
    return handle(req, res);
  }
  if (isMultipart(req)) {
    return checkPageFormPost(req).then((check) => (check.ok ? handle(check.req, res) : refuse(res, check.code, check.message)));
  }
  return handle(req, res);
}

await app.prepare();
const server = createServer((req, res) => {
  onRequest(req, res)?.catch((err: unknown) => {
    log.error("request failed", { err });
    if (!res.headersSent) refuse(res, "internal_error", "Something went wrong on our side.");
    else res.destroy();
  });
});
server.on("error", (err: NodeJS.ErrnoException) => {
  // Next installs an uncaughtException logger that would keep a server that never listened alive.
  log.error("could not listen", { err, code: err.code, hostname, port });
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`▲ Pixola ready on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`);
});

function stop() {
  server.close();
  server.closeAllConnections();
  // Last-used times are written in batches (lib/credentials/last-used.ts): the pending ones first.
  void stopAllCredentials()
    .then(() => app.close())
    .finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
