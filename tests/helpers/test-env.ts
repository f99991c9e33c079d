import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ImageModelV3 } from "@ai-sdk/provider";
import { eq, sql } from "drizzle-orm";
import type { Db, DbHandle } from "@/db/client";
import { creditLedger, wallets } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { ALL_SCOPES } from "@/lib/context";
import type { ModelRow } from "@/lib/catalog/load-catalog";
import { createEmbeddedImageModel } from "@/lib/providers/embedded/embedded-image-model";
import type { ModelResolver } from "@/lib/providers/registry";
import { createLocalStore } from "@/lib/storage/local-store";
import { ensureUser } from "@/lib/users/ensure-user";
import { openTestDatabase, type Backend } from "./test-db";

export interface TestEnv {
  db: Db;
  handle: DbHandle & { url?: string };
  store: ReturnType<typeof createLocalStore>;
  resolveModel: ModelResolver;
  /** Replace what a provider route returns, e.g. a model that always fails. */
  overrideProvider(provider: string, model: ImageModelV3): void;
  newUser(balance?: number): Promise<Ctx>;
  balanceOf(userId: string): Promise<number>;
  ledgerSum(userId: string): Promise<number>;
  close(): Promise<void>;
}

export async function createTestEnv(backend: Backend, providers: string[] = ["embedded"]): Promise<TestEnv> {
  const handle = await openTestDatabase(backend, providers);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-store-"));
  const store = createLocalStore({ root: dir, appUrl: "http://test.local", secret: "test-secret", ttlSeconds: 3600 });
  const embedded = createEmbeddedImageModel();
  const overrides = new Map<string, ImageModelV3>();
  const resolveModel = (m: ModelRow) => overrides.get(m.provider) ?? embedded;
  let n = 0;
  const db = handle.db;
  const balanceOf = async (userId: string) => {
    const [w] = await db.select({ b: wallets.balance }).from(wallets).where(eq(wallets.userId, userId));
    return w.b;
  };
  return {
    db,
    handle,
    store,
    resolveModel,
    overrideProvider: (p, m) => overrides.set(p, m),
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
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
