/**
 * Self time of a .cpuprofile grouped by where the code lives (a package, Next.js, node
 * internals, Pixola's own files), and its top functions.
 * Usage: npx tsx bench/lib/profile-summary.ts <file.cpuprofile> [top]
 */
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
const profile = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(process.argv[3] ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function group(url: string, fn: string): string {
  if (!url) return fn === "(garbage collector)" ? "garbage collection" : fn === "(idle)" ? "idle" : fn === "(program)" ? "(program)" : "native / V8";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] === "next" ? (url.includes("compiled/") ? "next (compiled deps)" : "next") : pkg[1];
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/.next")) return "app bundle (.next)";
  return "pixola / other";
}

const groups = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const g = group(n.callFrame.url, n.callFrame.functionName);
  groups.set(g, (groups.get(g) ?? 0) + t);
  const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/.*node_modules\//, "").replace(/.*\/\.next[^/]*\//, ".next/")}:${n.callFrame.lineNumber}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
}
const pct = (t: number) => `${((100 * t) / total).toFixed(1)}%`;
console.log(`total ${(total / 1e6).toFixed(2)} s sampled\n`);
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${pct(t).padStart(6)}  ${g}`);
console.log("");
for (const [f, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t).padStart(6)}  ${f}`);
