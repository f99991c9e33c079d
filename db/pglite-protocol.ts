/** Messages between db/pglite-client.ts (main thread) and db/pglite-thread.ts. */
export type PgliteRequest =
  | { id: number; op: "query"; sql: string; params?: unknown[]; rowMode?: "array" | "object"; identityTypes: number[]; tx?: number }
  | { id: number; op: "exec"; sql: string; tx?: number }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "close" };

export type PgliteReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; [field: string]: unknown } };
