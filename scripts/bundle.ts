/**
 * `npm run bundle`: builds the desktop extension. mcpb/server.ts and everything it imports
 * become one file (esbuild, no node_modules), laid out beside the manifest and icon in
 * dist/mcpb/, then validated and packed by the mcpb CLI into dist/pixola.mcpb.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface BundleResult {
  archive: string;
  archiveBytes: number;
  serverBytes: number;
  /** Every source file that went into server/index.js, relative to the repository. */
  inputs: string[];
}

export async function buildBundle(outDir = path.join(root, "dist")): Promise<BundleResult> {
  const stage = path.join(outDir, "mcpb");
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.join(stage, "server"), { recursive: true });
  const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version as string;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["mcpb/server.ts"],
    outfile: path.join(stage, "server", "index.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    define: { PIXOLA_VERSION: JSON.stringify(version) },
    metafile: true,
    logLevel: "warning",
  });
  // CommonJS wherever it is unpacked, even below a package.json that says "type": "module".
  fs.writeFileSync(path.join(stage, "server", "package.json"), '{ "type": "commonjs" }\n');
  for (const file of ["manifest.json", "icon.png"]) fs.copyFileSync(path.join(root, "mcpb", file), path.join(stage, file));
  const archive = path.join(outDir, "pixola.mcpb");
  fs.rmSync(archive, { force: true });
  const cli = path.join(root, "node_modules", "@anthropic-ai", "mcpb", "dist", "cli", "cli.js");
  execFileSync(process.execPath, [cli, "pack", stage, archive], { stdio: ["ignore", "ignore", "inherit"] });
  return {
    archive,
    archiveBytes: fs.statSync(archive).size,
    serverBytes: fs.statSync(path.join(stage, "server", "index.js")).size,
    inputs: Object.keys((result.metafile as Metafile).inputs),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildBundle();
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`bundle: ${path.relative(root, r.archive)} ${kb(r.archiveBytes)} (server/index.js ${kb(r.serverBytes)}, ${r.inputs.length} source files)`);
}
