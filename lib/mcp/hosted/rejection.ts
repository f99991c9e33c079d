/** A transport-level refusal, shaped as the SDK shapes its own (406, 415): a JSON-RPC error without an id. */
export const jsonRpcRejection = (status: number, message: string, requestId: string) =>
  Response.json({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }, { status, headers: { "x-request-id": requestId } });
