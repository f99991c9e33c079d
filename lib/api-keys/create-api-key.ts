import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { apiKeys, plans, wallets } from "@/db/schema";
import { ALL_SCOPES, type Ctx, type Scope } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { displayParts, generateKey, hashKey } from "./codec";
import { createApiKeyInput, toApiKeyView, type ApiKeyView, type CreateApiKeyInput } from "./schemas";

const DEFAULT_MAX_ACTIVE_KEYS = 25;
const DEFAULT_KEY_CREATES_PER_HOUR = 30;

/** Creates a key and returns its plaintext exactly once; only its SHA-256 is stored. */
export async function createApiKey({ ctx, input }: { ctx: Ctx; input: CreateApiKeyInput }): Promise<{ key: string; apiKey: ApiKeyView }> {
  const { name, scopes } = createApiKeyInput.parse(input);
  const key = generateKey();
  const row = await ctx.db.transaction(async (tx) => {
    // Lock the wallet row so two concurrent creates cannot both pass the caps.
    const [limits] = await tx
      .select({ maxActiveKeys: plans.maxActiveKeys, keyCreatesPerHour: plans.keyCreatesPerHour })
      .from(wallets)
      .innerJoin(plans, eq(plans.slug, wallets.plan))
      .where(eq(wallets.userId, ctx.userId))
      .for("update", { of: wallets });
    await assertUnderCreationRate(tx, ctx.userId, limits?.keyCreatesPerHour ?? DEFAULT_KEY_CREATES_PER_HOUR);
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

/**
 * Creating keys is limited per user and rolling hour, counted from the keys table itself
 * (revoked keys included), so the limit holds across processes without Redis and a
 * create-revoke loop cannot mint keys without end.
 */
async function assertUnderCreationRate(tx: Tx, userId: string, perHour: number): Promise<void> {
  const [recent] = await tx
    .select({
      created: count(),
      // Seconds until the oldest creation in the window leaves it and frees a slot.
      retryAfter: sql<number>`ceil(extract(epoch from min(${apiKeys.createdAt}) + interval '1 hour' - now()))::int`,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), gt(apiKeys.createdAt, sql`now() - interval '1 hour'`)));
  if (recent.created < perHour) return;
  const retryAfterSeconds = Math.max(1, Number(recent.retryAfter));
  throw new DomainError(
    "rate_limited",
    `You have created ${recent.created} API keys in the last hour, the most your plan allows (${perHour} per hour). Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`,
    { limit: perHour, window: "hour", retryAfterSeconds },
  );
}
