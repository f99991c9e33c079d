import type { NextConfig } from "next";
import { staticHeaderRules } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Separate build folders let several checkouts' builds (or parallel work) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native or WASM packages that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@napi-rs/canvas", "sharp", "postgres", "redis"],
  // Migrations are read from disk at boot; ship them with any traced output.
  outputFileTracingIncludes: { "/*": ["./drizzle/**/*", "./db/catalog/**/*"] },
  poweredByHeader: false,
  // Pages get their CSP, referrer policy and HSTS per request from proxy.ts.
  headers: async () => staticHeaderRules(),
  // Turbopack keeps a build cache on disk (175 MB) so that the next `npm start` builds faster. A CI
  // run starts from a fresh clone and never reads it: writing it cost 9 s of an 89 s build there.
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI },
};

export default nextConfig;
