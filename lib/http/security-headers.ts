import { trustedOrigins } from "./trusted-origins";

/**
 * Security headers, by kind of response. Pages get theirs per request from `proxy.ts` (HSTS and
 * image sources follow APP_URL, read at run time); API routes, /mcp, /files and static assets get
 * fixed ones from `next.config.ts` `headers()`, because the proxy would buffer request bodies
 * (and cut them at 10 MB) before the routes' own streaming body caps see them.
 */

/** Every response: no MIME sniffing, never rendered inside a frame. */
export const BASE_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

/** JSON, images and assets are never documents: they may load nothing and leak no referrer. */
export const RESOURCE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
};

/** One year; browsers honour it only over https, and subdomains are left to their own owners. */
const HSTS = "max-age=31536000";

export interface PageHeaderOptions {
  appUrl: string;
  /** S3_ENDPOINT, whose presigned image URLs the dashboard shows. */
  s3Endpoint?: string;
  /** `next dev` needs eval for React's debugging aids. */
  dev?: boolean;
}

/**
 * The dashboard's policy. Next streams the React payload in inline <script> tags and components
 * render style attributes, so scripts and styles allow 'unsafe-inline' (nonces would force every
 * page to render per request); what the policy still buys is no foreign scripts, objects, frames,
 * <base> or form targets, and fetches to this origin only. Images come from this app's signed
 * URLs (built on APP_URL, which may be another loopback spelling than the page's) and from
 * S3 presigned URLs, whose host the SDK chooses, hence https:.
 */
export function pageHeaders({ appUrl, s3Endpoint, dev = false }: PageHeaderOptions): Record<string, string> {
  const imageOrigins = [...trustedOrigins(appUrl, s3Endpoint ? [s3Endpoint] : [])];
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: https: ${imageOrigins.join(" ")}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  if (appUrl.startsWith("https:")) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

/** next.config.ts `headers()` rules: the base set everywhere, the resource set off the pages. */
export function staticHeaderRules() {
  const toList = (h: Record<string, string>) => Object.entries(h).map(([key, value]) => ({ key, value }));
  return [
    { source: "/:path*", headers: toList(BASE_HEADERS) },
    ...["/api/:path*", "/mcp", "/mcp/:path*", "/files/:path*", "/downloads/:path*", "/_next/:path*"].map((source) => ({ source, headers: toList(RESOURCE_HEADERS) })),
  ];
}
