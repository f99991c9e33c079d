import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface AppServer {
  url: string;
  pid: number;
  dataDir: string;
  adminToken: string;
  /** Stops the server and removes its data directory (unless the caller passed `dataDir`). */
  stop(): Promise<void>;
  /** Sends `signal` to the server process and waits for it to exit; the data directory is kept. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Everything the server has written to stdout and stderr so far. */
  output(): string;
}

export interface AppServerOptions {
  /** Start on this data directory (e.g. a killed server's, to restart it); the caller removes it. */
  dataDir?: string;
  /** Start without APP_URL, as a fresh install does (it then defaults to http://localhost:$PORT). */
  withoutAppUrl?: boolean;
  /** Listen on this port instead of a free one the OS picks. */
  port?: number;
  /** Migrate its own embedded database, as a fresh install does, even when a template is set. */
  freshDatabase?: boolean;
  /**
   * Let V8 optimize PGlite's WebAssembly in the background as `npm start` does (the benchmarks).
   * Off by default: an app under test lives seconds, and that optimization costs it about 2.3 s
   * of CPU in its first seconds (and its exit waits for it) without ever paying back.
   */
  wasmTierUp?: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/**
 * Names a migrated embedded database (a PGlite data directory) that apps started on a fresh
 * data directory begin with: opening it skips initdb and the migrations, about 2.5 s of each
 * start. scripts/test-all.sh makes one per run for the HTTP and browser suites (the HTTP suite
 * makes its own when run alone: tests/http/global-setup.ts); unset, every app migrates its
 * own, as a fresh install does.
 */
export const PGLITE_TEMPLATE_ENV = "PIXOLA_TEST_PGLITE_TEMPLATE";

/**
 * Starts the built app (dist/server.mjs, so `npm run build` must have run) on a free port with a
 * fresh data directory (or `opts.dataDir`). DATABASE_URL is passed through when the caller sets it in `env`.
 */
export async function startAppServer(env: Record<string, string | undefined> = {}, opts: AppServerOptions = {}): Promise<AppServer> {
  const port = opts.port ?? (await freePort());
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "pixola-app-"));
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (ownDir && template && !env.DATABASE_URL && !opts.freshDatabase) fs.cpSync(template, path.join(dataDir, "pglite"), { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    // server.ts as `npm start` runs it: compiled by `npm run build` (scripts/build-server.ts).
    [...(opts.wasmTierUp ? [] : ["--liftoff-only"]), "dist/server.mjs"],
    {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR,
        // Node's on-disk cache of compiled code (Node 22.1+; Node 20 ignores it), which
        // scripts/test-all.sh sets for the run: each app after the first loads Next and its
        // chunks from it, 0.7 s less CPU a start on a 2-core machine.
        NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: dataDir,
        ...(opts.withoutAppUrl ? {} : { APP_URL: url }),
        PORT: String(port),
        HOST: "127.0.0.1",
        AUTH_RATE_LIMIT: "off",
        LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`app did not become healthy in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const { adminToken } = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    pid: child.pid!,
    dataDir,
    adminToken,
    async stop() {
      if (!gone()) {
        child.kill("SIGTERM");
        await Promise.race([new Promise((r) => child.once("exit", r)), new Promise((r) => setTimeout(r, 5000))]);
        if (!gone()) child.kill("SIGKILL");
      }
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async kill(signal) {
      if (gone()) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      await exited;
    },
    output: () => output,
  };
}
