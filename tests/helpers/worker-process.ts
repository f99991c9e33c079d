import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface WorkerProcess {
  /** stdout and stderr so far (JSON log lines), for failure messages. */
  output(): string;
  /**
   * SIGTERM to `npm run worker` only, as docker stop or a process manager sends it; npm relays it
   * to the worker, which stops and retires its heartbeat row. Resolves with npm's exit code, or
   * "killed" when the group was still alive after 15 s and had to be SIGKILLed.
   */
  terminate(): Promise<number | "killed">;
  /** SIGKILL to the whole process group (npm, tsx and the worker): no cleanup at all, as in a crash. */
  kill(): Promise<void>;
}

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts `npm run worker` (scripts/worker.ts) in a process group of its own, with only the
 * environment given (plus PATH and HOME): DATABASE_URL, and DATA_DIR/APP_URL of the web process
 * whose file store it shares, and the provider keys it should run.
 */
export function startWorkerProcess(env: Record<string, string | undefined>): WorkerProcess {
  const child: ChildProcess = spawn("npm", ["run", "--silent", "worker"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid!;

  /** Waits for the group to be gone, SIGKILLing it after `graceMs`; true when it had to. */
  async function reap(graceMs: number): Promise<boolean> {
    const deadline = Date.now() + graceMs;
    let forced = false;
    await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
    while (groupAlive(pid)) {
      if (Date.now() > deadline) {
        forced = true;
        process.kill(-pid, "SIGKILL");
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return forced;
  }

  return {
    output: () => output,
    async terminate() {
      if (groupAlive(pid)) child.kill("SIGTERM");
      const forced = await reap(15_000);
      return forced ? "killed" : (child.exitCode ?? "killed");
    },
    async kill() {
      if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
      await reap(0);
    },
  };
}
