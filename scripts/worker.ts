/**
 * npm run worker — runs generation workers as a separate process against a shared
 * PostgreSQL (DATABASE_URL). Start as many as you like; they split the queue.
 * Run the web app with PIXOLA_WORKER=off if all rendering should happen here.
 * The script is `exec tsx …`, so a SIGTERM sent to npm (docker stop, a process manager) reaches
 * this process through tsx instead of stopping at the shell, and the worker retires cleanly.
 */
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { createRuntime } from "@/lib/runtime";

const config = getConfig();
if (!config.databaseUrl) {
  console.error("npm run worker needs DATABASE_URL: the embedded database belongs to the web process, which runs its own worker.");
  process.exit(2);
}
const rt = await createRuntime(config, { worker: true });
log.info("worker started", { providers: [...rt.providers.keys()], providerConcurrency: config.providerConcurrency });
// Once: Ctrl-C reaches npm, tsx and this process alike, and an impatient second signal must not
// hand the in-flight images back twice.
let stopping: Promise<void> | undefined;
const stop = () =>
  (stopping ??= (async () => {
    await rt.close();
    process.exit(0);
  })());
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
