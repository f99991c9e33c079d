import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { UsageBreakdown } from "@/components/usage/usage-breakdown";
import { UsagePerDay } from "@/components/usage/usage-per-day";
import { requireSession } from "@/lib/auth/session";
import { formatNumber } from "@/lib/dashboard/format";
import { getUsage } from "@/lib/usage/get-usage";

export const metadata: Metadata = { title: "Usage · Pixola" };

export default async function UsagePage() {
  const { ctx } = await requireSession();
  const usage = await getUsage({ ctx });
  return (
    <>
      <PageHeader
        title="Usage"
        description="Images and credits of the last 30 days (UTC), per day, model and source. Credits are what was charged: failed images are refunded."
      />
      <div className="grid gap-6">
        <div className="grid grid-cols-2 gap-4">
          {(["images", "credits"] as const).map((field) => (
            <Card key={field}>
              <CardContent>
                <p className="text-sm text-muted-foreground">{field === "images" ? "Images" : "Credits spent"}, last 30 days</p>
                <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid={`usage-total-${field}`}>
                  {formatNumber(usage.totals[field])}
                </p>
              </CardContent>
            </Card>
          ))}
        </div>
        <UsagePerDay days={usage.days} />
        <UsageBreakdown
          title="Per model"
          what="Model"
          description="Credits per model; the table also counts images."
          rows={usage.models.map((m) => ({ ...m, id: m.model, label: m.model }))}
        />
        <UsageBreakdown
          title="Per source"
          what="Source"
          description="Each API key, each connected app and the playground."
          rows={usage.sources}
        />
      </div>
    </>
  );
}
