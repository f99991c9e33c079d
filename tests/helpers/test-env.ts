import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Db, DbHandle } from "@/db/client";
import { creditLedger, wallets } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { ALL_SCOPES } from "@/lib/context";
import { announceWorker, retireWorker } from "@/lib/generation/heartbeat";
import { embeddedProvider } from "@/lib/providers/embedded/adapter";
import type { ProviderClient } from "@/lib/providers/types";
import { createLocalStore } from "@/lib/storage/local-store";
import { ensureUser } from "@/lib/users/ensure-user";
import { openTestDatabase, type Backend } from "./test-db";

export interface TestEnv {
  db: Db;
  handle: DbHandle & { url?: string };
  store: ReturnType<typeof createLocalStore>;
  /** The providers this test's worker runs; announced as a live worker while the env is open. */
  providers: Map<string, ProviderClient>;
  /** Run `provider` with this client (a fake-backed adapter, or one that always fails). */
  overrideProvider(provider: string, client: ProviderClient): Promise<void>;
  newUser(balance?: number): Promise<Ctx>;
  balanceOf(userId: string): Promise<number>;
  ledgerSum(userId: string): Promise<number>;
  close(): Promise<void>;
}

export const TEST_WORKER_ID = "wrk_test";

export async function createTestEnv(backend: Backend): Promise<TestEnv> {
  const handle = await openTestDatabase(backend);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-store-"));
  const store = createLocalStore({ root: dir, appUrl: "http://test.local", secret: "test-secret", ttlSeconds: 3600 });
  const providers = new Map<string, ProviderClient>([["embedded", embeddedProvider.fromEnv({ RENDER_THREADS: "2" })!]]);
  let n = 0;
  const db = handle.db;
  // The tests' worker announces itself like a real one, so submits see the models as available.
  const announce = () => announceWorker(db, TEST_WORKER_ID, [...providers.keys()]);
  await announce();
  const beat = setInterval(() => void announce().catch(() => {}), 3000);
  const balanceOf = async (userId: string) => {
    const [w] = await db.select({ b: wallets.balance }).from(wallets).where(eq(wallets.userId, userId));
    return w.b;
  };
  return {
    db,
    handle,
    store,
    providers,
    async overrideProvider(p, client) {
      providers.set(p, client);
      await announce();
    },
    async newUser(balance) {
      const u = await ensureUser(db, `user${++n}-${Date.now()}@example.com`);
      if (balance !== undefined) {
        // Tests set a balance through the ledger so SUM(ledger) = balance still holds.
        const current = await balanceOf(u.id);
        if (balance < current) {
          await db.update(wallets).set({ balance }).where(eq(wallets.userId, u.id));
          await db.delete(creditLedger).where(eq(creditLedger.userId, u.id));
          if (balance > 0) {
            await db.insert(creditLedger).values({ id: `led_t${n}${Date.now()}`, userId: u.id, kind: "grant", amount: balance, balanceAfter: balance });
          }
        }
      }
      return { db, userId: u.id, actor: { kind: "apiKey", keyId: "key_test", scopes: ALL_SCOPES }, requestId: "req_test" };
    },
    balanceOf,
    async ledgerSum(userId) {
      const [r] = await db
        .select({ s: sql<number>`coalesce(sum(${creditLedger.amount}), 0)::int` })
        .from(creditLedger)
        .where(eq(creditLedger.userId, userId));
      return Number(r.s);
    },
    async close() {
      clearInterval(beat);
      await retireWorker(db, TEST_WORKER_ID).catch(() => {});
      await Promise.allSettled([...providers.values()].map((p) => p.close?.()));
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
