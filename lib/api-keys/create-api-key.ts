import { and, count, eq, isNull } from "drizzle-orm";
import { apiKeys, plans, wallets } from "@/db/schema";
import { ALL_SCOPES, type Ctx, type Scope } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { displayParts, generateKey, hashKey } from "./codec";
import { createApiKeyInput, toApiKeyView, type ApiKeyView, type CreateApiKeyInput } from "./schemas";

const DEFAULT_MAX_ACTIVE_KEYS = 25;

/** Creates a key and returns its plaintext exactly once; only its SHA-256 is stored. */
export async function createApiKey({ ctx, input }: { ctx: Ctx; input: CreateApiKeyInput }): Promise<{ key: string; apiKey: ApiKeyView }> {
  const { name, scopes } = createApiKeyInput.parse(input);
  const key = generateKey();
  const row = await ctx.db.transaction(async (tx) => {
    // Lock the wallet row so two concurrent creates cannot both pass the cap.
    const [limits] = await tx
      .select({ maxActiveKeys: plans.maxActiveKeys })
      .from(wallets)
      .innerJoin(plans, eq(plans.slug, wallets.plan))
      .where(eq(wallets.userId, ctx.userId))
      .for("update", { of: wallets });
    const max = limits?.maxActiveKeys ?? DEFAULT_MAX_ACTIVE_KEYS;
    const [{ active }] = await tx
      .select({ active: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.userId, ctx.userId), isNull(apiKeys.revokedAt)));
    if (active >= max) {
      throw new DomainError(
        "forbidden",
        `You already have ${active} active API keys, the most your plan allows (${max}). Revoke a key you no longer use, then create a new one.`,
        { limit: max },
      );
    }
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        id: newId("key"),
        userId: ctx.userId,
        name,
        hash: hashKey(key),
        ...displayParts(key),
        scopes: (scopes as Scope[] | undefined) ?? ALL_SCOPES,
      })
      .returning();
    return inserted;
  });
  return { key, apiKey: toApiKeyView(row) };
}
