import { z } from "zod";

/**
 * PostgreSQL `text` cannot hold U+0000: a NUL that reaches a query fails it with "invalid
 * byte sequence", a 500. Every text field of every input schema starts from `text(field)`,
 * so NUL is a bad_request naming the field before any query runs, on REST, MCP, the
 * dashboard and the admin routes alike. (Other control characters are stored as sent.)
 */
export const nulMessage = (field: string) => `${field} must not contain the NUL character (U+0000): send text without it`;

export const hasNul = (s: string) => s.includes("\u0000");

/** `z.string()` that refuses NUL with a message naming `field`; chain `.trim().min()` etc. as usual. */
export const text = (field: string, params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((s) => !hasNul(s), nulMessage(field));
