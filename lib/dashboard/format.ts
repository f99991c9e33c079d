/** Display helpers for the dashboard. Dates render in UTC so server and browser agree. */

const dateTime = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});
const dateOnly = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const number = new Intl.NumberFormat("en-US");

const toDate = (d: Date | string) => (typeof d === "string" ? new Date(d) : d);

export const formatDateTime = (d: Date | string | null) => (d ? dateTime.format(toDate(d)) : "—");
export const formatDate = (d: Date | string | null) => (d ? dateOnly.format(toDate(d)) : "—");
export const formatNumber = (n: number) => number.format(n);
export const formatSigned = (n: number) => (n > 0 ? `+${number.format(n)}` : number.format(n).replace("-", "−"));

export function formatBytes(n: number | null): string {
  if (n === null) return "—";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/** How a stored key is shown after creation: its start, an ellipsis, and the last four. */
export const maskedKey = (start: string, last4: string) => `${start}…${last4}`;
