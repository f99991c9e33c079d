import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Runs `npm run <script> -- <args>` as an operator would, on the data directory of a running
 * app (so the command reaches that server through its admin route), and returns what it
 * printed on stdout: the key, invite code, link or result.
 */
export async function runAdminCli(script: "keys" | "invites" | "users" | "previews", args: string[], dataDir: string): Promise<string> {
  // With the flag package.json runs these commands with (see lib/admin/run-admin-command.ts).
  const { stdout } = await run(process.execPath, ["--liftoff-only", "--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
  });
  return stdout.trim();
}
