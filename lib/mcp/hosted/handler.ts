import {
  createMcpHandler,
  isLegacyRequest,
  legacyStatelessFallback,
  McpServer,
  WebStandardStreamableHTTPServerTransport,
  type AuthInfo,
} from "@modelcontextprotocol/server";
import { log } from "@/lib/log";
import { isClientAbort } from "@/lib/safe-error";
import { PIXOLA_INSTRUCTIONS } from "../instructions";
import type { PortFactory, ToolSettings } from "../port";
import { registerPixolaTools } from "../register-tools";
import { jsonExchanges, plainToolCall } from "./json-exchange";
import { jsonRpcMessages } from "./messages";
import { plainToolsListId, toolListAnswer } from "./tool-list-answer";

/** Serves one /mcp request whose body the caller has already read and parsed. */
export type PixolaMcpHandler = (req: Request, opts: { authInfo?: AuthInfo; parsedBody?: unknown }) => Promise<Response>;
type Opts = Parameters<PixolaMcpHandler>[1];

const serverInfo = { name: "pixola", version: process.env.npm_package_version ?? "0.1.0" };

/**
 * Pixola's MCP endpoint as a web handler, made once per process, given the body already parsed
 * (`parsedBody`: nothing is read again). 2026-era requests go to the SDK's own serving entry,
 * which answers JSON unless a call sends notifications first. 2025-era requests are served
 * statelessly as the SDK's fallback does, with one difference: a request that asked for no
 * progress gets its answer as one JSON body (the transport's `enableJsonResponse`) instead of
 * an SSE stream of one event. Streamable HTTP clients must accept both; the JSON answer skips
 * the event framing, two stream layers and a keep-alive timer per request, and reads plainly
 * in curl. Requests with a progress token keep the SSE stream, so progress still arrives.
 * A plain tools/list is answered from the list serialized once per process (tool-list-answer.ts).
 * A fresh McpServer per request is the SDK's stateless design; registration stays cheap (tool
 * schemas convert once per process, lib/mcp/tool-schema.ts; the caller's port is made inside
 * each tool call). A single tools/call that asked for no progress — the hot path of every
 * assistant — goes to an idle server over a JSON exchange transport instead (json-exchange.ts):
 * only requests the SDK's transport would take as they are (`plainToolCall`); anything else,
 * including everything it would refuse, is served as above.
 */
export function createPixolaMcpHandler(getPort: PortFactory, settings: ToolSettings): PixolaMcpHandler {
  const newServer = () => {
    const server = new McpServer(serverInfo, {
      instructions: PIXOLA_INSTRUCTIONS,
      // The tool list is the same for every caller and changes only with a deploy.
      cacheHints: { "tools/list": { ttlMs: 600_000, cacheScope: "public" } },
    });
    registerPixolaTools(server, getPort, settings);
    return server;
  };
  const onerror = (err: Error) => {
    // A client that hung up mid-stream is not a fault of ours.
    if (isClientAbort(err)) log.debug("mcp client went away", { err });
    else log.warn("mcp handler error", { err });
  };
  const modern = createMcpHandler(newServer, { legacy: "reject", onerror });
  const legacyStreaming = legacyStatelessFallback(newServer, onerror);
  const toolList = toolListAnswer((req, parsedBody) => legacyJson(newServer(), req, { parsedBody }, onerror));
  const toolCall = jsonExchanges(newServer);

  return async (req, opts) => {
    if (!(await isLegacyRequest(req, opts.parsedBody))) return modern.fetch(req, opts);
    if (req.method !== "POST" || asksForProgress(opts.parsedBody)) return legacyStreaming(req, opts);
    const toolListId = plainToolsListId(req, opts.parsedBody);
    if (toolListId !== undefined) return toolList(req, toolListId);
    const call = plainToolCall(req, opts.parsedBody);
    if (call) return toolCall(call, req, opts.authInfo);
    return legacyJson(newServer(), req, opts, onerror);
  };
}

/** One 2025-era exchange answered as a single JSON body (or 202 for notifications only). */
async function legacyJson(server: McpServer, req: Request, opts: Opts, onerror: (err: Error) => void): Promise<Response> {
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  // A client that hangs up ends the exchange: its tool calls see their signal abort, as in the
  // SDK's fallback, and the exchange ends at once with an answer nobody reads (the transport's
  // own answer would never come: the JSON body waits for results the closed transport drops).
  let hungUp: (res: Response) => void = () => {};
  const gone = new Promise<Response>((resolve) => (hungUp = resolve));
  const teardown = () => {
    transport.close().catch(() => {});
    server.close().catch(() => {});
  };
  const onAbort = () => {
    teardown();
    hungUp(new Response(null, { status: 499 }));
  };
  req.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    await server.connect(transport);
    return await Promise.race([transport.handleRequest(req, opts), gone]);
  } catch (err) {
    onerror(err instanceof Error ? err : new Error(String(err)));
    return Response.json({ jsonrpc: "2.0", error: { code: -32603, message: "Internal error" }, id: null }, { status: 500 });
  } finally {
    req.signal?.removeEventListener("abort", onAbort);
    teardown();
  }
}

/** Whether any message of the body carries a progress token: its answer must be able to stream. */
function asksForProgress(parsed: unknown): boolean {
  return jsonRpcMessages(parsed).some((m) => {
    const meta = (m.params as { _meta?: { progressToken?: unknown } } | undefined)?._meta;
    return meta?.progressToken !== undefined;
  });
}
