/**
 * npm run previews -- backfill [--limit N]
 * Gives every stored image without a WebP preview one (images stored before previews existed,
 * or whose preview failed), newest first. Workers do a bounded pass of this when they start;
 * this runs it to the end. Like `npm run keys`, it talks to the running server when that
 * server holds the embedded database.
 */
import { parseArgs } from "node:util";
import { exitOnError, runAdminCommand } from "@/lib/admin/run-admin-command";
import type { BackfillResult } from "@/lib/images/backfill-previews";

const USAGE = "Usage: npm run previews -- backfill [--limit N]";

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { limit: { type: "string" } } });
  if (positionals[0] !== "backfill" || positionals.length > 1 || (values.limit !== undefined && !/^[1-9]\d*$/.test(values.limit))) {
    console.error(USAGE);
    process.exit(2);
  }
  const body = { limit: values.limit === undefined ? undefined : Number(values.limit) };
  const done = await runAdminCommand<BackfillResult>({
    route: "/api/admin/previews",
    body,
    direct: async (db, config) => {
      const [{ backfillPreviews, backfillPreviewsInput }, { storeFromConfig }] = await Promise.all([
        import("@/lib/images/backfill-previews"),
        import("@/lib/storage/create-store"),
      ]);
      const input = backfillPreviewsInput.parse(body);
      return backfillPreviews({ db, store: storeFromConfig(config), maxImages: input.limit });
    },
  });
  console.error(`Made ${done.made} preview${done.made === 1 ? "" : "s"}${done.failed ? `; ${done.failed} failed (see the server's log)` : ""}.`);
  console.log(JSON.stringify(done));
  if (done.failed) process.exit(1);
}

main().catch(exitOnError("previews"));
