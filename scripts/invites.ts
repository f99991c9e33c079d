/**
 * npm run invites -- create [--note TEXT] [--expires-days N]
 * Prints a one-use invite code for SIGNUP=invite. Like `npm run keys`, it talks to the
 * running server when that server holds the embedded database.
 */
import { exitOnError, parseCreateArgs, runAdminCommand } from "@/lib/admin/run-admin-command";

const USAGE = "Usage: npm run invites -- create [--note TEXT] [--expires-days N]";

async function main() {
  const values = parseCreateArgs(USAGE, ["note", "expires-days"]);
  const days = values["expires-days"];
  if (days !== undefined && !/^\d+$/.test(days)) {
    console.error(USAGE);
    process.exit(2);
  }
  const input = { note: values.note, expiresInDays: days === undefined ? undefined : Number(days) };
  const { code, invite } = await runAdminCommand({
    route: "/api/admin/invites",
    body: input,
    direct: async (db) => (await import("@/lib/invites/create-invite")).createInvite(db, input),
  });
  const expiry = invite.expiresAt ? `until ${new Date(invite.expiresAt).toISOString()}` : "with no expiry";
  console.error(`Created invite ${invite.id}${invite.note ? ` (${invite.note})` : ""}: one account, ${expiry}.`);
  console.error("This is the only time the code is shown. Give it to the person who will sign up:");
  console.log(code);
}

main().catch(exitOnError("invites"));
