import { sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";

export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Scan Direction"?: string;
  "Actual Rows"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

/** EXPLAIN (ANALYZE, FORMAT JSON) of a drizzle query, as built (same SQL, same parameters), every node flattened. */
export async function explainNodes(db: Db, query: SQLWrapper): Promise<PlanNode[]> {
  const res = (await db.execute(sql`explain (analyze, format json) ${query.getSQL()}`)) as unknown;
  // postgres.js answers an array of rows, PGlite { rows }.
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const cell = rows[0]["QUERY PLAN"];
  const [{ Plan }] = (typeof cell === "string" ? JSON.parse(cell) : cell) as [{ Plan: PlanNode }];
  const out: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    out.push(n);
    n.Plans?.forEach(walk);
  };
  walk(Plan);
  return out;
}
