import { describe, expect, it } from "vitest";
import { usageWindow } from "./usage-window";

describe("usageWindow", () => {
  it("covers the last 30 UTC days, today included, oldest first", () => {
    const w = usageWindow(new Date("2026-03-01T23:59:00Z"));
    expect(w.days).toHaveLength(30);
    expect(w.days[0]).toBe("2026-01-31");
    expect(w.days.at(-1)).toBe("2026-03-01");
    expect(w.since.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });
});
