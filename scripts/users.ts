/**
 * npm run users -- create --email someone@example.com [--name NAME]
 * Makes an account whatever SIGNUP says (verified, with its credits) and prints a one-time
 * link, valid for 24 hours, where its owner sets a password for the dashboard.
 */
import { exitOnError, parseCreateArgs, runAdminCommand } from "@/lib/admin/run-admin-command";

const USAGE = "Usage: npm run users -- create --email someone@example.com [--name NAME]";

async function main() {
  const values = parseCreateArgs(USAGE, ["email", "name"], ["email"]);
  const input = { email: values.email!, name: values.name };
  const created = await runAdminCommand({
    route: "/api/admin/users",
    body: input,
    direct: async (db, config) => (await import("@/lib/users/create-user")).createUser({ db, config }, input),
  });
  console.error(`Created the account ${created.email}.`);
  console.error(`Send this link to its owner to set a password (one use, until ${new Date(created.linkExpiresAt).toISOString()}):`);
  console.log(created.passwordLink);
}

main().catch(exitOnError("users"));
