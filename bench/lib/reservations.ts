import { and, count, eq, sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { batches, creditLedger, wallets } from "@/db/schema";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { seedCatalogFromEnv } from "@/lib/catalog/seed-from-env";
import { ALL_SCOPES, type Ctx } from "@/lib/context";
import { announceWorker } from "@/lib/generation/heartbeat";
import { submitGeneration, submitGenerationIdempotently } from "@/lib/generation/submit-generation";
import { newId } from "@/lib/ids";
import { ensureUser } from "@/lib/users/ensure-user";
import { createEmptyPostgres } from "../../tests/helpers/empty-postgres";

const SUBMITTERS = 32;
const GRANT = 10_000_000;

interface Round {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** Every submit the bench saw accepted, per wallet (warm-ups included), and the first failure. */
interface Tally {
  accepted: Map<string, number>;
  firstError?: unknown;
}

interface Case {
  ctxs: Ctx[];
  /** Through submitGenerationIdempotently with a new Idempotency-Key per submit, as REST and MCP do when given one. */
  keyed?: boolean;
}

let keys = 0;
const submit = (ctx: Ctx, keyed: boolean | undefined) => {
  const input = { prompt: "reservation bench", model: "procedural" };
  const appUrl = "http://bench.local";
  return keyed ? submitGenerationIdempotently({ ctx, input, appUrl, idempotencyKey: `bench-${++keys}` }) : submitGeneration({ ctx, input, appUrl });
};

/** `ctxs.length` submitters, each submitting one 1-image batch after another for `ms`. */
async function round({ ctxs, keyed }: Case, ms: number, tally: Tally): Promise<Round> {
  const r: Round = { latencies: [], errors: 0, seconds: 0 };
  const t0 = performance.now();
  const end = t0 + ms;
  await Promise.all(
    ctxs.map(async (ctx) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await submit(ctx, keyed);
          r.latencies.push(performance.now() - t);
          tally.accepted.set(ctx.userId, (tally.accepted.get(ctx.userId) ?? 0) + 1);
        } catch (e) {
          r.errors++;
          tally.firstError ??= e;
        }
      }
    }),
  );
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

async function fundedUser(db: Db, i: number): Promise<Ctx> {
  const u = await ensureUser(db, `wallet${i}@example.com`);
  // Raised through the ledger, so SUM(ledger) = balance holds from the start.
  await db.transaction(async (tx) => {
    const [w] = await tx.update(wallets).set({ balance: sql`${wallets.balance} + ${GRANT}` }).where(eq(wallets.userId, u.id)).returning({ balance: wallets.balance });
    await tx.insert(creditLedger).values({ id: newId("led"), userId: u.id, kind: "grant", amount: GRANT, balanceAfter: w.balance, note: "bench grant" });
  });
  return { db, userId: u.id, actor: { kind: "apiKey", keyId: "key_bench", scopes: ALL_SCOPES }, requestId: "req_bench" };
}

/** Every wallet: SUM(ledger) = balance = start − accepted × price, and one reserve and one batch per accepted submit. */
async function checkLedgers(db: Db, ctxs: Ctx[], accepted: Map<string, number>, price: number, start: Map<string, number>) {
  const problems: string[] = [];
  for (const { userId } of ctxs) {
    const n = accepted.get(userId) ?? 0;
    const [w] = await db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.userId, userId));
    const [l] = await db.select({ sum: sql<number>`sum(${creditLedger.amount})::int` }).from(creditLedger).where(eq(creditLedger.userId, userId));
    const [r] = await db.select({ n: count() }).from(creditLedger).where(and(eq(creditLedger.userId, userId), eq(creditLedger.kind, "reserve")));
    const [b] = await db.select({ n: count() }).from(batches).where(eq(batches.userId, userId));
    const expected = start.get(userId)! - n * price;
    if (Number(l.sum) !== w.balance || w.balance !== expected || Number(r.n) !== n || Number(b.n) !== n) {
      problems.push(`${userId}: balance ${w.balance}, SUM(ledger) ${l.sum}, expected ${expected}; reserves ${r.n}, batches ${b.n}, accepted ${n}`);
    }
  }
  return problems;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/**
 * Reservations per second through submitGeneration on a fresh PostgreSQL database: 32 submitters
 * on one wallet, on 32 wallets, and on one wallet with an Idempotency-Key each, `rounds` times
 * each in turn; then every ledger checked.
 */
export async function measureReservations(opts: { roundMs: number; rounds: number }) {
  const pg = await createEmptyPostgres();
  const handle = await openDatabase({ url: pg.url, poolSize: SUBMITTERS });
  const db = handle.db;
  // Submits need a live worker for the procedural model; nothing renders, the images stay queued.
  const announce = () => announceWorker(db, "wrk_bench", ["embedded"]);
  let beat: NodeJS.Timeout | undefined;
  try {
    await seedCatalogFromEnv(db, {});
    await announce();
    beat = setInterval(() => void announce().catch(() => {}), 3000);
    const price = (await loadCatalog(db)).modelBySlug.get("procedural")!.priceStandard;
    const ctxs = await Promise.all(Array.from({ length: SUBMITTERS + 1 }, (_, i) => fundedUser(db, i)));
    const start = new Map<string, number>();
    for (const c of ctxs) {
      const [w] = await db.select({ balance: wallets.balance }).from(wallets).where(eq(wallets.userId, c.userId));
      start.set(c.userId, w.balance);
    }
    const cases: Record<string, Case> = {
      "1 wallet": { ctxs: Array(SUBMITTERS).fill(ctxs[0]) },
      "32 wallets": { ctxs: ctxs.slice(1) },
      "1 wallet, with Idempotency-Key": { ctxs: Array(SUBMITTERS).fill(ctxs[0]), keyed: true },
    };
    const tally: Tally = { accepted: new Map() };
    for (const c of Object.values(cases)) await round(c, 1000, tally);
    const rounds: Record<string, Round[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (let i = 0; i < opts.rounds; i++) for (const [k, c] of Object.entries(cases)) rounds[k].push(await round(c, opts.roundMs, tally));
    clearInterval(beat);
    const problems = await checkLedgers(db, ctxs, tally.accepted, price, start);
    if (tally.firstError) problems.push(`a submit failed: ${String(tally.firstError)}`);
    const results = Object.fromEntries(
      Object.entries(rounds).map(([k, rs]) => {
        const lat = rs.flatMap((r) => r.latencies);
        return [k, { rps: lat.length / rs.reduce((t, r) => t + r.seconds, 0), p50: pct(lat, 50), p99: pct(lat, 99), errors: rs.reduce((n, r) => n + r.errors, 0) }];
      }),
    );
    const [{ v }] = (await db.execute(sql`select current_setting('server_version') as v`)) as unknown as { v: string }[];
    return { results, problems, wallets: ctxs.length, serverVersion: v.split(" ")[0] };
  } finally {
    clearInterval(beat);
    await handle.close();
    await pg.drop();
  }
}
