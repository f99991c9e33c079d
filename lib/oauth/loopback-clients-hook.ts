import type { BeforeHook } from "@/lib/auth/before-hooks";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const isHttpLoopback = (uri: unknown) => {
  if (typeof uri !== "string") return false;
  try {
    const url = new URL(uri);
    return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
};

/**
 * A registration whose redirect URIs are all http on a loopback host is a native app (RFC 8252
 * §7.3) — mcp-remote, desktop clients, CLIs — even when it does not say so. oauth-provider
 * treats a registration without `application_type` as a web app and refuses http redirects, so
 * mcp-remote 0.15 could not register; this fills the type in before it looks.
 */
export const loopbackClientsHook: BeforeHook = async (ctx) => {
  if (ctx.path !== "/oauth2/register") return;
  const body = ctx.body as Record<string, unknown> | undefined;
  if (!body || body.application_type !== undefined) return;
  const uris = body.redirect_uris;
  if (Array.isArray(uris) && uris.length > 0 && uris.every(isHttpLoopback)) body.application_type = "native";
};
