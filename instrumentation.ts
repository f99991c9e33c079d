// Runs once per server start, before requests are served: migrate, seed, start the worker.
// Node-only modules are imported dynamically because this file is also compiled for Edge.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getRuntime } = await import("./lib/runtime");
    const { writeServerFile } = await import("./lib/admin/server-file");
    const rt = await getRuntime();
    writeServerFile(rt.config.dataDir, rt.config.appUrl);
  }
}
