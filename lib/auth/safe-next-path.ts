/** On the sign-in page's address after signing out (`/sign-in?signed-out`): shows a notice. */
export const SIGNED_OUT_PARAM = "signed-out";

/** Where signing in lands when no (acceptable) page was asked for. */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

// Resolving against a host that cannot exist tells whether a value stays on this origin.
const PROBE = "http://pixola.invalid";
// Pages that would bounce a signed-in person straight back here (a loop), not worth returning to.
const AUTH_PAGES = new Set(["/sign-in", "/sign-up"]);

/**
 * The page to go to after signing in, from a `?next=` value: only a path on this origin, never
 * `//host`, `/\host`, `https://…` or `javascript:`. The check is the browser's own URL parser,
 * because browsers drop tabs and newlines and read `\` as `/` (so `/\t/evil.example` is
 * `//evil.example`); a string test alone misses those. Anything else gives `/dashboard`.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 2048) return DEFAULT_AFTER_SIGN_IN;
  // Control characters and backslashes have no place in a path we generate; refusing them
  // outright closes every parser-differential trick built on them.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(next, PROBE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as a host.
  if (url.origin !== PROBE || url.pathname.startsWith("//") || AUTH_PAGES.has(url.pathname)) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that returns to `path` afterwards. */
export function signInPathFor(path: string | null | undefined): string {
  const next = path ? safeNextPath(path) : DEFAULT_AFTER_SIGN_IN;
  return next === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
