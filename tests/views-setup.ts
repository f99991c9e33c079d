import fs from "node:fs";
import { buildViews, GENERATED } from "../scripts/build-views";

/**
 * The MCP tools import the built views (lib/mcp/apps/views.generated.ts, not committed). On a
 * fresh clone `npx vitest` runs before any build, so the module is built here when missing;
 * `npm run build` and `npm run typecheck` build it themselves.
 */
export default async function setup() {
  if (!fs.existsSync(GENERATED)) await buildViews();
}
