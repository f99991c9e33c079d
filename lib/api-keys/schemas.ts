import { z } from "zod";
import { ALL_SCOPES } from "@/lib/context";
import { text } from "@/lib/text";

export const createApiKeyInput = z.object({
  name: text("name")
    .trim()
    .min(1, "name must not be empty")
    .max(64, "name must be at most 64 characters"),
  scopes: z.array(z.enum(ALL_SCOPES as [string, ...string[]])).min(1).optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

/** The allow-list of what a key looks like to its owner: never the hash, never the plaintext. */
export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  last4: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  status: z.enum(["active", "revoked"]),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

export function toApiKeyView(row: Omit<ApiKeyView, "status">): ApiKeyView {
  return apiKeyView.parse({ ...row, status: row.revokedAt ? "revoked" : "active" });
}
