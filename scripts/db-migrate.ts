/** npm run db:migrate — applies drizzle/ migrations and seeds the catalog (the app also does this at boot). */
import path from "node:path";
import { openDatabase } from "@/db/client";
import { seedCatalogFromEnv } from "@/lib/catalog/seed-from-env";
import { getConfig } from "@/lib/config";

const config = getConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
await seedCatalogFromEnv(handle.db, process.env);
await handle.close();
console.log(`migrated and seeded the ${handle.kind} database`);
