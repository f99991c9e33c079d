import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { user } from "@/db/schema";
import { createWallet } from "@/lib/credits/create-wallet";
import { randomBase62 } from "@/lib/ids";

/**
 * Finds the user with this email or creates one (with a funded wallet: `freeCredits` as in
 * createWallet). Used by admin scripts and tests; the operator vouches for the address.
 */
export async function ensureUser(
  db: Db,
  email: string,
  opts: { name?: string; freeCredits?: number } = {},
): Promise<{ id: string; email: string; created: boolean }> {
  const normalized = email.trim().toLowerCase();
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, normalized));
  if (existing) {
    await createWallet(db, existing.id, opts.freeCredits);
    return { id: existing.id, email: normalized, created: false };
  }
  const id = randomBase62(24);
  await db.insert(user).values({ id, email: normalized, name: opts.name ?? normalized.split("@")[0], emailVerified: true });
  await createWallet(db, id, opts.freeCredits);
  return { id, email: normalized, created: true };
}
