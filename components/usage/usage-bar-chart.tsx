"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * One series as bars. The chart is a picture of the table or summary printed beside it
 * (which is what screen readers get), so it is hidden from assistive technology.
 */
export function UsageBarChart({ data, unit, layout = "columns" }: { data: BarDatum[]; unit: string; layout?: "columns" | "rows" }) {
  const rows = layout === "rows";
  return (
    <div aria-hidden className="w-full text-xs text-muted-foreground">
      <BarChart
        responsive
        accessibilityLayer={false}
        data={data}
        layout={rows ? "vertical" : "horizontal"}
        style={{ width: "100%", height: rows ? Math.max(120, data.length * 36 + 40) : 200 }}
        margin={{ top: 8, right: 12, bottom: 0, left: rows ? 8 : -16 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={rows} horizontal={!rows} />
        {rows ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={{ fill: "currentColor" }} stroke="var(--border)" />
            <YAxis type="category" dataKey="label" width={120} tick={{ fill: "currentColor" }} stroke="var(--border)" />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={{ fill: "currentColor" }} stroke="var(--border)" interval="preserveStartEnd" minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fill: "currentColor" }} stroke="var(--border)" />
          </>
        )}
        <Tooltip
          cursor={{ fill: "var(--muted)" }}
          formatter={(v) => [`${v} ${unit}`, null]}
          contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--popover-foreground)" }}
          labelStyle={{ color: "var(--popover-foreground)" }}
        />
        <Bar dataKey="value" fill="var(--primary)" radius={rows ? [0, 4, 4, 0] : [4, 4, 0, 0]} maxBarSize={32} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
