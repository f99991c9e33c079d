import { and, eq, or, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { idempotencyKeys } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DomainError, HTTP_STATUS } from "@/lib/errors";
import { log } from "@/lib/log";
import { expired, sweepIdempotencyKeysOccasionally } from "./sweep-idempotency-keys";

export interface IdempotentResponse<T> {
  status: number;
  body: T;
}

/**
 * Runs `run` at most once per (user, key) within 24 h and stores its response; a repeat
 * with the same `requestHash` gets the stored response back (`replayed: true`), a repeat
 * with another hash is a 422.
 *
 * The claim, the work and the stored response commit in one transaction (`run` gets a ctx
 * whose db is that transaction). A concurrent duplicate therefore waits on the claimed row
 * and then replays the committed result, and a crash can never leave work done without
 * its stored response. Client errors (4xx) are not stored, so a corrected request may reuse
 * the key; other failures leave the key `failed`, which the same request may run again.
 */
export async function withIdempotency<T>({
  ctx,
  key,
  requestHash,
  run,
}: {
  ctx: Ctx;
  key: string;
  requestHash: string;
  run: (ctx: Ctx) => Promise<IdempotentResponse<T>>;
}): Promise<IdempotentResponse<T> & { replayed: boolean }> {
  await sweepIdempotencyKeysOccasionally(ctx.db);
  const thisKey = and(eq(idempotencyKeys.userId, ctx.userId), eq(idempotencyKeys.key, key));
  try {
    return await ctx.db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(idempotencyKeys)
        .values({ userId: ctx.userId, key, requestHash, state: "in_flight" })
        .onConflictDoUpdate({
          target: [idempotencyKeys.userId, idempotencyKeys.key],
          set: { requestHash, state: "in_flight", responseStatus: null, responseBody: null, createdAt: sql`now()` },
          // Taken over only when expired, or failed before with this same request.
          setWhere: or(expired(), and(eq(idempotencyKeys.state, "failed"), eq(idempotencyKeys.requestHash, requestHash))),
        })
        .returning({ key: idempotencyKeys.key });
      if (!claimed) {
        const [row] = await tx.select().from(idempotencyKeys).where(thisKey);
        return replay<T>(row, requestHash);
      }
      const res = await run({ ...ctx, db: tx });
      await tx
        .update(idempotencyKeys)
        .set({ state: "completed", responseStatus: res.status, responseBody: res.body })
        .where(thisKey);
      return { ...res, replayed: false };
    });
  } catch (err) {
    if (!isClientError(err)) {
      await ctx.db
        .insert(idempotencyKeys)
        .values({ userId: ctx.userId, key, requestHash, state: "failed" })
        .onConflictDoNothing()
        .catch((e) => log.warn("could not mark an idempotency key failed", { requestId: ctx.requestId, err: e }));
    }
    throw err;
  }
}

function replay<T>(row: typeof idempotencyKeys.$inferSelect | undefined, requestHash: string) {
  if (row && row.requestHash !== requestHash) {
    throw new DomainError(
      "unprocessable",
      "This idempotency key was already used with a different request. Send the same request to get its result again, or use a new key for a new request.",
    );
  }
  if (!row || row.state !== "completed") {
    throw new DomainError("conflict", "A request with this idempotency key is still in progress. Retry in a moment to get its result.");
  }
  return { status: row.responseStatus!, body: row.responseBody as T, replayed: true };
}

const isClientError = (err: unknown) =>
  err instanceof ZodError || (err instanceof DomainError && HTTP_STATUS[err.code] < 500);
