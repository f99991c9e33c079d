/**
 * The JSON-RPC messages of a /mcp body: one message, or the elements of a batch array
 * (2025-03-26 allows batches, and the SDK still serves them to clients of that revision).
 * Empty for a body that is not JSON: the SDK answers that itself.
 */
export function jsonRpcMessages(body: string): Array<{ id?: unknown; method?: unknown; params?: unknown }> {
  try {
    const parsed: unknown = JSON.parse(body);
    return (Array.isArray(parsed) ? parsed : [parsed]).filter((m) => typeof m === "object" && m !== null);
  } catch {
    return [];
  }
}

/** A key for a JSON-RPC id that keeps 1 and "1" apart. */
export const idKey = (id: unknown): string => JSON.stringify(id ?? null);
