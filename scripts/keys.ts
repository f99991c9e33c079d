/**
 * npm run keys -- create --email you@example.com [--name NAME]
 * Creates the user if needed and prints a new API key once. When a running server holds the
 * embedded database, the request goes to that server instead (lib/admin/run-admin-command.ts).
 */
import { exitOnError, parseCreateArgs, runAdminCommand } from "@/lib/admin/run-admin-command";

const USAGE = "Usage: npm run keys -- create --email you@example.com [--name NAME]";

async function main() {
  const values = parseCreateArgs(USAGE, ["email", "name"], ["email"]);
  const email = values.email!;
  const issued = await runAdminCommand({
    route: "/api/admin/keys",
    body: { email, name: values.name },
    direct: async (db, config) => (await import("@/lib/admin/keys")).issueKeyForEmail(db, email, { name: values.name, freeCredits: config.freeCredits }),
  });
  console.error(`Created API key ${issued.apiKey.id} (${issued.apiKey.name}) for ${issued.email}.`);
  console.error("This is the only time the key is shown. Store it somewhere safe:");
  console.log(issued.key);
}

main().catch(exitOnError("keys"));
