import type { Db } from "@/db/client";
import { verifyApiKey, type VerifiedKey } from "@/lib/api-keys/verify-api-key";
import { DomainError } from "@/lib/errors";

const unauthorized = (message: string) => new DomainError("unauthorized", message);

/**
 * Reads `Authorization: Bearer pxk_…`. Keys are never accepted in the query string, where
 * they would end up in logs and browser history.
 */
export async function authenticate(db: Db, req: Request): Promise<VerifiedKey> {
  const url = new URL(req.url);
  if (url.searchParams.has("api_key") || url.searchParams.has("key")) {
    throw unauthorized("API keys are not accepted in the URL. Send 'Authorization: Bearer pxk_…' instead.");
  }
  const header = req.headers.get("authorization");
  if (!header) throw unauthorized("Missing API key. Send 'Authorization: Bearer pxk_…' (create a key under Settings → API Keys).");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized("Malformed Authorization header. Expected 'Authorization: Bearer pxk_…'.");
  const key = await verifyApiKey(db, match[1]);
  if (!key) throw unauthorized("Invalid API key: it is malformed, unknown or revoked.");
  return key;
}
