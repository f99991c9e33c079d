/**
 * npm run keys -- create --email you@example.com [--name NAME]
 * Creates the user if needed and prints a new API key once. When a running server holds the
 * embedded database, the request goes to that server instead (see lib/admin/server-file.ts).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { seedCatalog } from "@/db/seed";
import { readServerFile } from "@/lib/admin/server-file";
import { issueKeyForEmail } from "@/lib/admin/keys";
import { getConfig } from "@/lib/config";
import { PROVIDER_NAMES } from "@/lib/providers/registry";

const USAGE = "Usage: npm run keys -- create --email you@example.com [--name NAME]";

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" } },
  });
  if (positionals[0] !== "create" || !values.email) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = getConfig();
  const server = readServerFile(config.dataDir);
  let issued: { key: string; email: string; apiKey: { id: string; name: string } };
  if (!config.databaseUrl && server && server.pid !== process.pid && isAlive(server.pid)) {
    const res = await fetch(`${server.appUrl}/api/admin/keys`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${config.adminToken}` },
      body: JSON.stringify({ email: values.email, name: values.name }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body?.error?.message ?? `server answered ${res.status}`);
    issued = body;
  } else {
    const handle = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
    try {
      // Plans and the built-in catalog only: availability belongs to the workers, not to this command.
      await seedCatalog(handle.db, { providers: PROVIDER_NAMES });
      issued = await issueKeyForEmail(handle.db, values.email, values.name);
    } finally {
      await handle.close();
    }
  }
  console.error(`Created API key ${issued.apiKey.id} (${issued.apiKey.name}) for ${issued.email}.`);
  console.error("This is the only time the key is shown. Store it somewhere safe:");
  console.log(issued.key);
}

main().catch((err) => {
  console.error(`keys: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
