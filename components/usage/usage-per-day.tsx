import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatNumber } from "@/lib/dashboard/format";
import type { Usage } from "@/lib/usage/get-usage";
import { UsageBarChart } from "./usage-bar-chart";

const shortDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const dayLabel = (date: string) => shortDay.format(new Date(`${date}T00:00:00Z`));

/** Images and credits per day, each a chart with a one-line summary; the daily table is one click away. */
export function UsagePerDay({ days }: { days: Usage["days"] }) {
  const busiest = days.reduce((a, d) => (d.credits > a.credits ? d : a), days[0]);
  const active = days.filter((d) => d.images > 0 || d.credits > 0);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Per day</CardTitle>
        <CardDescription>
          {active.length
            ? `Active on ${active.length} of ${days.length} days; the busiest was ${dayLabel(busiest.date)} with ${formatNumber(busiest.images)} images and ${formatNumber(busiest.credits)} credits.`
            : "No generations in the last 30 days."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="grid gap-6 md:grid-cols-2">
          {(["images", "credits"] as const).map((field) => (
            <figure key={field} className="grid gap-2">
              <figcaption className="text-sm font-medium">{field === "images" ? "Images" : "Credits"} per day</figcaption>
              <UsageBarChart data={days.map((d) => ({ label: dayLabel(d.date), value: d[field] }))} unit={field} />
            </figure>
          ))}
        </div>
        <details className="group rounded-lg border">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            Show the daily figures as a table
          </summary>
          <Table aria-label="Images and credits per day">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Day (UTC)</TableHead>
                <TableHead className="text-right">Images</TableHead>
                <TableHead className="text-right">Credits</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {days.map((d) => (
                <TableRow key={d.date}>
                  <TableCell>
                    <time dateTime={d.date}>{dayLabel(d.date)}</time>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(d.images)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(d.credits)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </details>
      </CardContent>
    </Card>
  );
}
