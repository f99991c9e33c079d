import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { Pager } from "@/components/dashboard/pager";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSession } from "@/lib/auth/session";
import { getCredits } from "@/lib/credits/get-credits";
import { listLedger } from "@/lib/credits/list-ledger";
import type { LedgerEntryView } from "@/lib/credits/schemas";
import { formatDateTime, formatNumber, formatSigned } from "@/lib/dashboard/format";
import { cn } from "@/lib/dashboard/cn";
import { onBadCursor } from "@/lib/dashboard/pages";

export const metadata: Metadata = { title: "Credits · Pixola" };

const KIND = {
  grant: { label: "Grant", variant: "success" },
  reserve: { label: "Reservation", variant: "default" },
  refund: { label: "Refund", variant: "warning" },
} as const;

function describe(e: LedgerEntryView): string {
  if (e.kind === "grant") return e.note ?? "Credits added";
  if (e.kind === "reserve") return "Reserved when the generation was submitted";
  return e.note ? `Refund: ${e.note}` : "Refund for an image that failed";
}

export default async function CreditsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { ctx } = await requireSession();
  const { cursor } = await searchParams;
  const [credits, ledger] = await Promise.all([getCredits({ ctx }), listLedger({ ctx, input: { limit: 25, cursor } }).catch(onBadCursor("/credits"))]);

  return (
    <>
      <PageHeader
        title="Credits"
        description="Credits are reserved when you submit a generation and refunded for any image that fails, so you pay only for images that complete."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <CardHeader>
            <CardDescription>Balance</CardDescription>
            <CardTitle as="div" className="text-3xl" data-testid="credit-balance">
              {formatNumber(credits.balance)} <span className="text-base font-normal text-muted-foreground">credits</span>
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">Available for new generations now.</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Plan</CardDescription>
            <CardTitle as="div" className="text-3xl">
              {credits.plan.name}
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">
            {formatNumber(credits.plan.monthlyCredits)} credits included.
          </CardContent>
        </Card>
      </div>

      <section className="mt-8" aria-labelledby="history">
        <h2 id="history" className="mb-3 text-lg font-semibold">
          History
        </h2>
        <Card>
          <Table aria-label="Credit history" stack>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Date</TableHead>
                <TableHead>Entry</TableHead>
                <TableHead>Batch</TableHead>
                <TableHead className="text-right">Amount</TableHead>
                <TableHead className="text-right">Balance</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ledger.entries.map((e) => (
                <TableRow key={e.id} data-testid="ledger-row" data-kind={e.kind}>
                  <TableCell label="Date" className="whitespace-nowrap text-muted-foreground">
                    {formatDateTime(e.createdAt)}
                  </TableCell>
                  <TableCell label="Entry">
                    <div className="flex min-w-0 flex-col items-end gap-1 md:min-w-48 md:items-start">
                      <Badge variant={KIND[e.kind].variant}>{KIND[e.kind].label}</Badge>
                      <span className="text-xs text-muted-foreground">{describe(e)}</span>
                    </div>
                  </TableCell>
                  <TableCell label="Batch" className="md:max-w-72">
                    {e.batchId ? (
                      <div className="flex min-w-0 flex-col gap-0.5">
                        <span className="line-clamp-2 text-sm" title={e.prompt ?? undefined}>
                          {e.prompt ?? "—"}
                        </span>
                        <code className="break-all font-mono text-[11px] text-muted-foreground">{e.batchId}</code>
                      </div>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                  <TableCell
                    label="Amount"
                    className={cn("whitespace-nowrap text-right font-medium tabular-nums", e.amount > 0 ? "text-success" : "text-foreground")}
                  >
                    {formatSigned(e.amount)}
                  </TableCell>
                  <TableCell label="Balance" className="whitespace-nowrap text-right tabular-nums text-muted-foreground">
                    {formatNumber(e.balanceAfter)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {ledger.entries.length === 0 ? <CardContent className="text-sm text-muted-foreground">No entries yet.</CardContent> : null}
        </Card>
        <Pager basePath="/credits" cursor={cursor} nextCursor={ledger.nextCursor} label="Credit history" />
      </section>
    </>
  );
}
