import { createHash, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey, revokeApiKeyInput } from "@/lib/api-keys/revoke-api-key";
import { DomainError, notFound } from "@/lib/errors";
import { ensureUser } from "@/lib/users/ensure-user";

/** Creates the user if needed (granting `freeCredits`, see createWallet) and a new key for them; the plaintext is returned once. */
export async function issueKeyForEmail(db: Db, email: string, opts: { name?: string; freeCredits?: number } = {}) {
  const u = await ensureUser(db, email, { freeCredits: opts.freeCredits });
  const name = opts.name ?? "CLI key";
  const { key, apiKey } = await createApiKey({
    ctx: { db, userId: u.id, actor: { kind: "system" }, requestId: "cli" },
    input: { name },
  });
  return { key, apiKey, userCreated: u.created, email: u.email };
}

/** Revokes any key by id, on behalf of its owner. */
export async function revokeKeyById(db: Db, rawKeyId: string) {
  const { keyId } = revokeApiKeyInput.parse({ keyId: rawKeyId }); // before the owner lookup, not only in the verb
  const [row] = await db.select({ userId: apiKeys.userId }).from(apiKeys).where(eq(apiKeys.id, keyId));
  if (!row) throw notFound("API key", keyId);
  return revokeApiKey({ ctx: { db, userId: row.userId, actor: { kind: "system" }, requestId: "admin" }, input: { keyId } });
}

/** Checks `Authorization: Bearer <admin token>` in constant time (hashed first so lengths match). */
export function assertAdmin(req: Request, expected: string): void {
  const given = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  if (!given || !timingSafeEqual(a, b)) throw new DomainError("unauthorized", "Invalid admin token.");
}
