// Preloaded into the app by bench/fast-paths.bench.ts (NODE_OPTIONS=--import …) when
// BENCH_CPU_PROF_DIR is set, since Node 20 refuses --cpu-prof in NODE_OPTIONS: the first
// SIGUSR2 starts the profiler, the second writes $BENCH_CPU_PROF_DIR/current.cpuprofile (the bench renames it).
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const session = new inspector.Session();
session.connect();
let running = false;
process.on("SIGUSR2", () => {
  if (!running) {
    running = true;
    session.post("Profiler.enable", () => session.post("Profiler.start"));
    return;
  }
  running = false;
  session.post("Profiler.stop", (err, { profile }) => {
    if (err) return;
    fs.writeFileSync(path.join(process.env.BENCH_CPU_PROF_DIR, "current.cpuprofile"), JSON.stringify(profile));
  });
});
