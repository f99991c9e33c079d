/**
 * Talks to better-auth over HTTP so its rate limit and origin checks apply to every attempt.
 * `redirectTo`: where better-auth sends the browser next, when the request resumed an OAuth
 * authorization (the consent page, or the client's redirect URI).
 */
export type AuthResult = { ok: true; redirectTo?: string } | { ok: false; status: number; code: string | null; message: string | null };

type AuthPath = "/sign-up/email" | "/sign-in/email" | "/reset-password" | "/oauth2/consent";

/**
 * The signed authorization request an OAuth client started, when this page is part of one:
 * better-auth sent the browser here with it (and its signature) in the query string. Posted
 * back as `oauth_query`, it lets better-auth resume the authorization after sign-in or sign-up.
 */
export function pendingOAuthQuery(): string | undefined {
  if (typeof window === "undefined") return undefined;
  const params = new URLSearchParams(window.location.search);
  return params.has("sig") && params.has("client_id") ? params.toString() : undefined;
}

export async function postAuth(path: AuthPath, body: Record<string, unknown>): Promise<AuthResult> {
  let res: Response;
  try {
    res = await fetch(`/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0, code: "NETWORK", message: null };
  }
  if (res.ok) {
    const data = (await res.json().catch(() => null)) as { redirect?: boolean; url?: string } | null;
    return data?.redirect && typeof data.url === "string" ? { ok: true, redirectTo: data.url } : { ok: true };
  }
  const data = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  return { ok: false, status: res.status, code: data?.code ?? null, message: data?.message ?? null };
}

/** A sentence a person can act on, for failures that are not about one field. */
export function generalMessage(r: Extract<AuthResult, { ok: false }>): string {
  if (r.status === 0) return "Could not reach Pixola. Check your connection and try again.";
  if (r.status === 429) return "Too many attempts. Wait a minute, then try again.";
  if (r.status === 403) return "This request was refused. Reload the page and try again.";
  return r.message ? `${r.message.replace(/\.?$/, ".")}` : "Something went wrong. Please try again.";
}
