import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@napi-rs/canvas", "sharp", "postgres", "redis"],
  // Migrations are read from disk at boot; ship them with any traced output.
  outputFileTracingIncludes: { "/*": ["./drizzle/**/*", "./db/catalog/**/*"] },
  poweredByHeader: false,
};

export default nextConfig;
