import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatNumber } from "@/lib/dashboard/format";
import type { UsageFigures } from "@/lib/usage/get-usage";
import { UsageBarChart } from "./usage-bar-chart";

export interface BreakdownRow extends UsageFigures {
  id: string;
  label: string;
}

/** Credits per model or per source: a bar chart of credits beside the table of both figures. */
export function UsageBreakdown({ title, description, rows, what }: { title: string; description: string; rows: BreakdownRow[]; what: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-2 md:items-start">
        {rows.length ? (
          <>
            <UsageBarChart data={rows.map((r) => ({ label: r.label, value: r.credits }))} unit="credits" layout="rows" />
            <Table aria-label={`${title}: images and credits`}>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{what}</TableHead>
                  <TableHead className="text-right">Images</TableHead>
                  <TableHead className="text-right">Credits</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id} data-testid="usage-row" data-id={r.id}>
                    <TableCell className="max-w-48 truncate font-medium" title={r.label}>
                      {r.label}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatNumber(r.images)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatNumber(r.credits)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ) : (
          <p className="text-sm text-muted-foreground md:col-span-2">Nothing in the last 30 days.</p>
        )}
      </CardContent>
    </Card>
  );
}
