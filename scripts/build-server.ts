/**
 * Part of `npm run build`: compiles server.ts (the custom server around the built app) and the
 * few lib/ modules it imports into dist/server.mjs, which `npm start` and `npm run serve` run
 * with plain `node`. Packages stay imports (next, pino…), resolved from node_modules as before.
 * Running it through tsx instead cost each start about 1 s of CPU on a 2-core machine (tsx's
 * loader hooks on every module Next loads, in every thread) and 0.6 s until it answered.
 */
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outfile = path.join(root, "dist", "server.mjs");

await build({
  absWorkingDir: root,
  entryPoints: ["server.ts"],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "esm",
  // server.ts hands Next its own folder (import.meta.dirname, the repository): from dist/
  // that is the folder above the compiled file.
  banner: { js: 'import { fileURLToPath as __pixolaPath } from "node:url";\nconst __pixolaRoot = __pixolaPath(new URL("..", import.meta.url));' },
  define: { "import.meta.dirname": "__pixolaRoot" },
  logLevel: "warning",
});
console.log(`server: ${path.relative(root, outfile)}`);
