import { NextResponse } from "next/server";
import { readAppUrl } from "@/lib/config";
import { pageHeaders } from "@/lib/http/security-headers";

/** Per-request security headers for pages (lib/http/security-headers.ts). */
export function proxy() {
  const res = NextResponse.next();
  const headers = pageHeaders({
    appUrl: readAppUrl(process.env),
    s3Endpoint: process.env.S3_ENDPOINT || undefined,
    dev: process.env.NODE_ENV === "development",
  });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

// Pages only: API routes, /mcp and /files stream their own bodies, and the proxy would buffer
// them; those (and static assets) get fixed headers from next.config.ts.
export const config = { matcher: ["/((?!api|mcp|files|downloads|_next).*)"] };
