import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { apiKeys, batches, creditLedger, images, oauthClient } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { usageWindow } from "./usage-window";

export type SourceKind = "apiKey" | "oauth" | "playground";

export interface UsageFigures {
  images: number;
  credits: number;
}
export interface UsageSource extends UsageFigures {
  /** `key_…`, the OAuth client id, or "playground". */
  id: string;
  kind: SourceKind;
  label: string;
}
export interface Usage {
  since: string;
  totals: UsageFigures;
  days: (UsageFigures & { date: string })[];
  models: (UsageFigures & { model: string })[];
  sources: UsageSource[];
}

/** A batch's day (UTC), model and who submitted it: the grain both queries group by. */
const day = sql<string>`to_char(${batches.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
const grain = { day, model: batches.model, apiKeyId: batches.apiKeyId, oauthClientId: batches.oauthClientId };

/**
 * The caller's images and credits over the last 30 days, per day, model and source.
 * Credits are what the ledger says was spent: each batch's reserve less its refunds, so the
 * figures add up to the ledger's. Images are the ones that finished. Both count a batch on
 * the day it was submitted.
 */
export async function getUsage({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }): Promise<Usage> {
  const window = usageWindow(now);
  const inWindow = and(eq(batches.userId, ctx.userId), gte(batches.createdAt, window.since));
  const [spent, made] = await Promise.all([
    ctx.db
      .select({ ...grain, n: sql<number>`(-sum(${creditLedger.amount}))::int` })
      .from(creditLedger)
      .innerJoin(batches, eq(batches.id, creditLedger.batchId))
      .where(and(inWindow, eq(creditLedger.userId, ctx.userId), inArray(creditLedger.kind, ["reserve", "refund"])))
      .groupBy(day, batches.model, batches.apiKeyId, batches.oauthClientId),
    ctx.db
      .select({ ...grain, n: sql<number>`count(*)::int` })
      .from(images)
      .innerJoin(batches, eq(batches.id, images.batchId))
      .where(and(inWindow, eq(images.userId, ctx.userId), eq(images.status, "succeeded")))
      .groupBy(day, batches.model, batches.apiKeyId, batches.oauthClientId),
  ]);

  const labels = await sourceLabels(ctx, [...spent, ...made]);
  const totals = { images: 0, credits: 0 };
  const byDay = new Map(window.days.map((d) => [d, { date: d, images: 0, credits: 0 }]));
  const byModel = new Map<string, UsageFigures & { model: string }>();
  const bySource = new Map<string, UsageSource>();
  const add = (rows: typeof spent, field: keyof UsageFigures) => {
    for (const r of rows) {
      const n = Number(r.n);
      const source = sourceOf(r);
      totals[field] += n;
      const d = byDay.get(r.day);
      if (d) d[field] += n;
      const m = byModel.get(r.model) ?? { model: r.model, images: 0, credits: 0 };
      m[field] += n;
      byModel.set(r.model, m);
      const s = bySource.get(source.id) ?? { ...source, label: labels.get(source.id) ?? source.id, images: 0, credits: 0 };
      s[field] += n;
      bySource.set(source.id, s);
    }
  };
  add(spent, "credits");
  add(made, "images");

  const byCredits = <T extends UsageFigures>(a: T, b: T) => b.credits - a.credits || b.images - a.images;
  return {
    since: window.since.toISOString(),
    totals,
    days: [...byDay.values()],
    models: [...byModel.values()].sort(byCredits),
    sources: [...bySource.values()].sort(byCredits),
  };
}

function sourceOf(r: { apiKeyId: string | null; oauthClientId: string | null }): Omit<UsageSource, "label" | keyof UsageFigures> {
  if (r.apiKeyId) return { id: r.apiKeyId, kind: "apiKey" };
  if (r.oauthClientId) return { id: r.oauthClientId, kind: "oauth" };
  return { id: "playground", kind: "playground" };
}

/** Key names (only the caller's keys) and connected apps' names, by source id. */
async function sourceLabels(ctx: Ctx, rows: { apiKeyId: string | null; oauthClientId: string | null }[]) {
  const keyIds = [...new Set(rows.flatMap((r) => (r.apiKeyId ? [r.apiKeyId] : [])))];
  const clientIds = [...new Set(rows.flatMap((r) => (r.oauthClientId ? [r.oauthClientId] : [])))];
  const [keys, clients] = await Promise.all([
    keyIds.length
      ? ctx.db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(and(eq(apiKeys.userId, ctx.userId), inArray(apiKeys.id, keyIds)))
      : [],
    clientIds.length
      ? ctx.db.select({ id: oauthClient.clientId, name: oauthClient.name }).from(oauthClient).where(inArray(oauthClient.clientId, clientIds))
      : [],
  ]);
  const labels = new Map<string, string>([["playground", "Playground"]]);
  for (const k of keys) labels.set(k.id, `Key: ${k.name}`);
  for (const c of clients) labels.set(c.id, `App: ${c.name ?? c.id}`);
  return labels;
}
