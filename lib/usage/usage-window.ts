/** The usage window: the last `days` UTC calendar days, today included. */
export const USAGE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface UsageWindow {
  since: Date;
  /** Every day in the window, oldest first, as YYYY-MM-DD (UTC). */
  days: string[];
}

export function usageWindow(now: Date, days = USAGE_DAYS): UsageWindow {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * DAY_MS);
  return { since, days: Array.from({ length: days }, (_, i) => new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10)) };
}
