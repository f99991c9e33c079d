/**
 * Checks the custom server (server.ts) makes before Next sees a request, for inputs Next
 * itself answers with a plain-text 500: a path whose percent-encoding does not decode, and
 * a page POST (a server action) from another origin.
 */

/** Paths answered in JSON; everything else is a page. */
const API_ROOTS = ["/api", "/mcp", "/files", "/.well-known"];

export function isApiPath(path: string): boolean {
  return API_ROOTS.some((root) => path === root || path.startsWith(`${root}/`));
}

/** The path part of a request target (no query string). */
export function pathOf(url: string): string {
  const q = url.search(/[?#]/);
  return q === -1 ? url : url.slice(0, q);
}

/**
 * Why the path cannot be decoded (invalid or overlong UTF-8 such as `%ff` or `%c0%80`, a
 * truncated escape, an encoded `..`), or undefined when every segment decodes.
 */
export function malformedPath(path: string): string | undefined {
  for (const segment of path.split("/")) {
    const shown = segment.length > 40 ? `${segment.slice(0, 40)}…` : segment;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return `The path segment '${shown}' is not valid percent-encoded UTF-8.`;
    }
    // A literal ../ is resolved by every client before sending; an encoded one is an attempt.
    if (decoded !== segment && (decoded === "." || decoded === "..")) return `The path segment '${shown}' is an encoded dot segment, which is not accepted.`;
  }
  return undefined;
}

/**
 * A POST to a page (a server action) whose Origin is not the host it was sent to. Next
 * refuses these too, but with a 500 and a logged error; this answers 403 first. `host` is
 * the host the request reached (X-Forwarded-Host when a trusted proxy set it).
 */
export function isCrossOriginPagePost(method: string | undefined, path: string, origin: string | undefined, host: string | undefined): boolean {
  if (method !== "POST" || isApiPath(path) || origin === undefined) return false;
  if (origin === "null" || !host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
