/**
 * Single 2025-era JSON-RPC requests answered as one JSON body each, on the SDK's Transport
 * interface. The McpServer still does all of the protocol (params parsing, the tool, its output
 * checks); the transport only carries one request in and its answer out, and serializes and
 * encodes a deeply frozen part of a result (a catalog list) once per value and sends those bytes
 * as they are (`frozenJsonResponse`).
 * Notifications a handler sends are dropped, as in the SDK's own JSON answers: the request asked
 * for no progress, and a JSON body cannot carry them.
 *
 * Each idle transport stays connected to its own server, so an exchange builds neither: a
 * server with 8 tools and 5 views costs ~65 µs to make, and connecting and closing one ~20 µs
 * more. A tool call leaves nothing behind on its server (initialize or logging/setLevel would,
 * so they never come here). A client that hangs up ends its exchange at once with a 499 nobody
 * reads; its server is closed, which aborts the tool's signal, and is not reused.
 */
import {
  isJSONRPCRequest,
  type AuthInfo,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type McpServer,
  type MessageExtraInfo,
  type Transport,
} from "@modelcontextprotocol/server";
import { frozenJsonResponse } from "@/lib/frozen-json";
import { transportTakesHeaders } from "./messages";

const JSON_HEADERS = { "content-type": "application/json" };

/** Serves one request at a time to the server connected to it. */
export class JsonExchangeTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  #id: JSONRPCRequest["id"] | undefined;
  #answer: ((res: Response) => void) | undefined;
  #closed = false;

  get open(): boolean {
    return !this.#closed && this.#answer === undefined;
  }

  async start(): Promise<void> {}

  /** Delivers the request to the connected server; resolves with its answer, or a 499 if closed first. */
  exchange(message: JSONRPCRequest, extra: { request: Request; authInfo?: AuthInfo }): Promise<Response> {
    if (!this.open || !this.onmessage) throw new Error("JsonExchangeTransport: not connected, or an exchange is under way");
    this.#id = message.id;
    const answer = new Promise<Response>((resolve) => (this.#answer = resolve));
    this.onmessage(message, { request: extra.request, authInfo: extra.authInfo, classification: { era: "legacy" } });
    return answer;
  }

  async send(message: JSONRPCMessage): Promise<void> {
    // Nothing to answer once the exchange is over (answered, or its client gone).
    if (!this.#answer || !("id" in message) || message.id !== this.#id || !("result" in message || "error" in message)) return;
    this.#settle(frozenJsonResponse(message, { headers: JSON_HEADERS }));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#settle(new Response(null, { status: 499 }));
    this.onclose?.();
  }

  #settle(res: Response) {
    const answer = this.#answer;
    this.#answer = undefined;
    answer?.(res);
  }
}

/** Answers single requests on pooled server/transport pairs, keeping up to `max` idle. */
export function jsonExchanges(newServer: () => McpServer, max = 64) {
  const idle: JsonExchangeTransport[] = [];
  const take = async () => {
    const pooled = idle.pop();
    if (pooled) return pooled;
    const transport = new JsonExchangeTransport();
    await newServer().connect(transport);
    return transport;
  };
  return async (message: JSONRPCRequest, req: Request, authInfo: AuthInfo | undefined): Promise<Response> => {
    const transport = await take();
    const hangUp = () => void transport.close();
    req.signal?.addEventListener("abort", hangUp, { once: true });
    try {
      return await transport.exchange(message, { request: req, authInfo });
    } finally {
      req.signal?.removeEventListener("abort", hangUp);
      if (transport.open && idle.length < max) idle.push(transport);
    }
  };
}

/**
 * The body's one tools/call request, when the SDK's transport would take it as it is (a valid
 * JSON-RPC request, headers it accepts); undefined sends everything else to the transport.
 * The caller has already sent requests that asked for progress to the streaming path.
 */
export function plainToolCall(req: Request, parsed: unknown): JSONRPCRequest | undefined {
  if (!isJSONRPCRequest(parsed) || parsed.method !== "tools/call") return undefined;
  return transportTakesHeaders(req) ? parsed : undefined;
}
