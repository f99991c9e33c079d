/** npm run db:migrate — applies drizzle/ migrations and seeds the catalog (the app also does this at boot). */
import path from "node:path";
import { openDatabase } from "@/db/client";
import { seedCatalog } from "@/db/seed";
import { getConfig } from "@/lib/config";
import { configuredProviders } from "@/lib/providers/registry";

const config = getConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
await seedCatalog(handle.db, configuredProviders(config), config.defaultModel);
await handle.close();
console.log(`migrated and seeded the ${handle.kind} database`);
