/** Messages between db/pglite-client.ts (main thread) and db/pglite-thread.ts. */
export type PgliteRequest =
  | { id: number; op: "query"; sql: string; params?: unknown[]; rowMode?: "array" | "object"; identityTypes: number[]; tx?: number }
  | { id: number; op: "exec"; sql: string; tx?: number }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "listen"; channel: string }
  | { id: number; op: "close" };

export type PgliteReply =
  /** A NOTIFY on a channel the main thread listens on (posted before the reply of the statement that sent it). */
  | { notify: string; payload: string }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; [field: string]: unknown } };
