/** The spellings of this machine that browsers use for a loopback server. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The browser origins this app answers as its own: APP_URL's, the configured list
 * (MCP_ALLOWED_ORIGINS), and — when APP_URL is a loopback address — the other loopback
 * spellings at the same scheme and port. `npm start` listens on 127.0.0.1 and Next prints
 * that address, while APP_URL defaults to http://localhost:$PORT; both reach the same server
 * (one port), so neither may be refused as foreign. Whole origins are compared: scheme,
 * host and port must all match.
 */
export function trustedOrigins(appUrl: string, configured: string[]): Set<string> {
  const out = new Set<string>();
  for (const entry of [appUrl, ...configured]) {
    try {
      out.add(new URL(entry).origin);
    } catch {
      // A malformed MCP_ALLOWED_ORIGINS entry allows nothing.
    }
  }
  for (const origin of loopbackTwins(appUrl)) out.add(origin);
  return out;
}

function loopbackTwins(appUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return [];
  }
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [];
  return LOOPBACK_HOSTS.map((host) => new URL(`${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`).origin);
}
