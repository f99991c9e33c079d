import { NextResponse, type NextRequest } from "next/server";
import { readAppUrl } from "@/lib/config";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { pageHeaders } from "@/lib/http/security-headers";

/**
 * Per-request security headers for pages (lib/http/security-headers.ts), and the page's own
 * path for the server components, so a signed-out visit to /images can come back to /images
 * after signing in. The header is always overwritten: a client cannot choose it.
 */
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
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
