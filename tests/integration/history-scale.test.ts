import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/context";
import { getCredits } from "@/lib/credits/get-credits";
import { ledgerPageQuery, listLedger } from "@/lib/credits/list-ledger";
import { imagePageQuery, listImages } from "@/lib/images/list-images";
import { encodeCursor } from "@/lib/pagination/keyset";
import { explainNodes, type PlanNode } from "../helpers/explain";
import { seedHistory, type SeededHistory } from "../helpers/seed-history";
import { backends } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

const N = 100_000;

/** The plan reads one backward range of `index` and stops at the page: no sort, no scan of the user's rows. */
function expectKeysetPlan(nodes: PlanNode[], p: { relation: string; index: string; rows: number; deep: boolean }) {
  const types = nodes.map((n) => `${n["Node Type"]} ${n["Relation Name"] ?? ""}`.trim());
  expect(types.filter((t) => /Sort|Seq Scan|Bitmap/.test(t))).toEqual([]);
  const scan = nodes.find((n) => n["Relation Name"] === p.relation)!;
  expect(scan).toMatchObject({ "Node Type": "Index Scan", "Index Name": p.index, "Scan Direction": "Backward" });
  // The OR form of the cursor had this same plan shape but read 98k rows and filtered them out.
  expect(scan["Actual Rows"]).toBeLessThanOrEqual(p.rows);
  expect(scan["Rows Removed by Filter"] ?? 0).toBe(0);
  if (p.deep) expect(scan["Index Cond"]).toMatch(/ROW\(created_at, id\) </);
}

describe.each(backends())("history at scale: 100k images and 100k ledger rows for one user (%s)", (backend) => {
  let env: TestEnv;
  let big: Ctx;
  let h: SeededHistory;
  // A deep page: what nextCursor says after image / ledger row 1001.
  const deep = (id: (n: number) => string) => encodeCursor({ createdAt: h.createdAt(1001), id: id(1001) });

  beforeAll(async () => {
    env = await createTestEnv(backend);
    big = await env.newUser();
    const other = await env.newUser();
    h = await seedHistory(env.db, { userId: big.userId, tag: "a", images: N, ledger: N });
    // Another user's rows in the same indexes, interleaved in time.
    await seedHistory(env.db, { userId: other.userId, tag: "b", images: N / 10, ledger: N / 10 });
  });
  afterAll(() => env?.close());

  // PGlite runs no autovacuum, so an embedded install plans with no statistics at all; PostgreSQL
  // gathers them. Both states must give the same index-only walk.
  it.each(["without statistics", "after ANALYZE"])("EXPLAIN: first and deep pages walk the keyset index, %s", async (state) => {
    if (state === "after ANALYZE") await env.db.execute(sql`analyze`);
    const filters = {};
    for (const cursor of [undefined, deep(h.imageId)]) {
      const nodes = await explainNodes(env.db, imagePageQuery(big, { limit: 20, cursor, filters }));
      expectKeysetPlan(nodes, { relation: "images", index: "images_user_succeeded_idx", rows: 21, deep: !!cursor });
    }
    for (const cursor of [undefined, deep(h.ledgerId)]) {
      const nodes = await explainNodes(env.db, ledgerPageQuery(big, { limit: 25, cursor }));
      expectKeysetPlan(nodes, { relation: "credit_ledger", index: "credit_ledger_user_idx", rows: 26, deep: !!cursor });
    }
  });

  /** Seeded rows n, n-1, … that a listing shows (images skip the failed ones), `count` of them. */
  const from = (n: number, count: number, listed = (_: number) => true) => {
    const out: number[] = [];
    for (; n >= 1 && out.length < count; n--) if (listed(n)) out.push(n);
    return out;
  };

  it("list_images: first page, the next, a deep page and the last are the right rows", async () => {
    const list = (cursor?: string) => listImages({ ctx: big, input: { limit: 20, cursor }, store: env.store });
    const firstRows = from(N, 20, h.listed);
    const first = await list();
    expect(first.images.map((i) => i.imageId)).toEqual(firstRows.map(h.imageId));
    const second = await list(first.nextCursor!);
    expect(second.images.map((i) => i.imageId)).toEqual(from(firstRows.at(-1)! - 1, 20, h.listed).map(h.imageId));
    const deepPage = await list(deep(h.imageId));
    expect(deepPage.images.map((i) => [i.imageId, i.prompt])).toEqual(from(1000, 20, h.listed).map((n) => [h.imageId(n), `history ${Math.floor((n - 1) / 4) + 1}`]));
    const last = await list(encodeCursor({ createdAt: h.createdAt(11), id: h.imageId(11) }));
    expect(last.images.map((i) => i.imageId)).toEqual(from(10, 20).map(h.imageId));
    expect(last.nextCursor).toBeNull();
  });

  it("the credit ledger: recentEntries, a deep page and the last page, and SUM(ledger) = balance", async () => {
    const credits = await getCredits({ ctx: big });
    // The newest entry is the sign-up grant, then the seeded rows from the newest down.
    expect(credits.recentEntries.map((e) => e.id).slice(1)).toEqual(from(N, 9).map(h.ledgerId));
    expect(credits.recentEntries[0]).toMatchObject({ kind: "grant", amount: 1000 });
    const deepPage = await listLedger({ ctx: big, input: { limit: 25, cursor: deep(h.ledgerId) } });
    expect(deepPage.entries.map((e) => [e.id, e.kind, e.prompt])).toEqual(
      from(1000, 25).map((n) => [h.ledgerId(n), n % 4 === 0 ? "reserve" : "grant", n % 4 === 0 ? `history ${n / 4}` : null]),
    );
    const last = await listLedger({ ctx: big, input: { limit: 25, cursor: encodeCursor({ createdAt: h.createdAt(3), id: h.ledgerId(3) }) } });
    expect(last.entries.map((e) => e.id)).toEqual([h.ledgerId(2), h.ledgerId(1)]);
    expect(last.nextCursor).toBeNull();
    expect(await env.ledgerSum(big.userId)).toBe(credits.balance);
  });
});
