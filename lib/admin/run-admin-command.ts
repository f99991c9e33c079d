import path from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "@/db/client";
import { getConfig, type Config } from "@/lib/config";
import { readServerFile } from "./server-file";

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * How `npm run keys | invites | users` reach the data. The embedded database can be opened
 * by one process only, so while a server holds it the command is sent to that server's
 * admin route (authenticated with the admin token from DATA_DIR); otherwise, or with
 * DATABASE_URL, `direct` runs on the database itself. The database layer is loaded only for
 * `direct` (and the scripts load their verbs inside it): a usage error or a command sent to
 * the server answers without loading it (~2.5 s of a command's start on Node 24).
 *
 * package.json runs these commands (and db:migrate) with `--liftoff-only`: V8 then runs
 * PGlite's WebAssembly on its baseline compiler alone. Its background optimizer would compile
 * most of PGlite within the first second and the process waits for it on exit, so a command
 * on a stopped server's embedded database took 5.1 s (6.5 s of CPU) instead of 3.3–3.8 s.
 */
export async function runAdminCommand<T>(opts: {
  /** The admin route, e.g. `/api/admin/invites`, that runs the same verb in the server. */
  route: string;
  body: Record<string, unknown>;
  direct: (db: Db, config: Config) => Promise<T>;
}): Promise<T> {
  const config = getConfig();
  const server = readServerFile(config.dataDir);
  if (!config.databaseUrl && server && server.pid !== process.pid && isAlive(server.pid)) {
    const res = await fetch(`${server.appUrl}${opts.route}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${config.adminToken}` },
      body: JSON.stringify(opts.body),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body?.error?.message ?? `server answered ${res.status}`);
    return body as T;
  }
  const [{ openDatabase }, { seedCatalog }, { PROVIDER_NAMES }] = await Promise.all([
    import("@/db/client"),
    import("@/db/seed"),
    import("@/lib/providers/registry"),
  ]);
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
  try {
    // Plans and the built-in catalog only: availability belongs to the workers, not to this command.
    await seedCatalog(handle.db, { providers: PROVIDER_NAMES });
    return await opts.direct(handle.db, config);
  } finally {
    await handle.close();
  }
}

/** `npm run <script> -- create --flag value …`: the flags, or the usage line on stderr and exit status 2. */
export function parseCreateArgs<F extends string>(usage: string, flags: F[], required: F[] = []): Partial<Record<F, string>> {
  const options = Object.fromEntries(flags.map((flag) => [flag, { type: "string" as const }]));
  const { positionals, values } = parseArgs({ allowPositionals: true, options });
  const given = values as Partial<Record<F, string>>;
  if (positionals[0] !== "create" || required.some((flag) => !given[flag])) {
    console.error(usage);
    process.exit(2);
  }
  return given;
}

/** The end of every admin script: a one-line error on stderr and exit status 1. */
export function exitOnError(command: string) {
  return (err: unknown) => {
    console.error(`${command}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  };
}
