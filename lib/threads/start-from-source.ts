import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread on a TypeScript entry when running from source (tsx, vitest): the
 * thread registers tsx's ESM loader, then imports the entry. The built app does not come here:
 * Turbopack bundles each `new Worker(new URL("./x.ts", import.meta.url))` it finds.
 */
export function startFromSource(entry: URL, opts: Pick<WorkerOptions, "workerData"> = {}): Worker {
  // tsx/esm/api's ESM build (its CommonJS build cannot register ESM hooks), found through
  // tsx's own exports map from the entry's folder, so this works whatever the cwd.
  const boot = `
    const { createRequire } = require("node:module");
    const path = require("node:path");
    const { pathToFileURL } = require("node:url");
    const manifest = createRequire(${JSON.stringify(entry.href)}).resolve("tsx/package.json");
    const api = require(manifest).exports["./esm/api"].import.default;
    import(pathToFileURL(path.join(path.dirname(manifest), api)).href)
      .then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...opts, eval: true });
}
