import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { PROVIDERS } from "@/lib/providers/registry";

// The embedded renderer has no remote contract; generation.test.ts runs it end to end.
it("every remote provider of the registry has its contract matrix here (<provider>.test.ts)", () => {
  const files = fs.readdirSync(import.meta.dirname).filter((f) => f.endsWith(".test.ts") && f !== path.basename(import.meta.filename));
  const remote = PROVIDERS.map((p) => p.name).filter((n) => n !== "embedded");
  expect(files.map((f) => f.replace(/\.test\.ts$/, "")).sort()).toEqual([...remote].sort());
});
