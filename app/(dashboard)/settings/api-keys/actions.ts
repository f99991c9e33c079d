"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { requireSession } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/dashboard/action-result";
import { maskedKey } from "@/lib/dashboard/format";

export interface CreatedKey {
  /** The plaintext: returned by this action only, shown once, never stored anywhere in clear. */
  key: string;
  name: string;
  masked: string;
}

export async function createKeyAction(rawName: string): Promise<ActionResult<CreatedKey>> {
  const { ctx } = await requireSession();
  const name = typeof rawName === "string" ? rawName.trim() : "";
  if (!name) return { ok: false, error: "Give the key a name, such as “Claude Desktop” or “CI”." };
  if (name.length > 64) return { ok: false, error: "Use at most 64 characters for the name." };
  const result = await runAction("create-api-key", async () => {
    const { key, apiKey } = await createApiKey({ ctx, input: { name } });
    return { key, name: apiKey.name, masked: maskedKey(apiKey.start, apiKey.last4) };
  });
  if (result.ok) revalidatePath("/settings/api-keys");
  return result;
}

export async function revokeKeyAction(keyId: string): Promise<ActionResult<{ name: string }>> {
  const { ctx } = await requireSession();
  const result = await runAction("revoke-api-key", async () => {
    const view = await revokeApiKey({ ctx, input: { keyId } });
    return { name: view.name };
  });
  revalidatePath("/settings/api-keys");
  return result;
}
