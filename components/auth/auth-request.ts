/** Talks to better-auth over HTTP so its rate limit and origin checks apply to every attempt. */
export type AuthResult = { ok: true } | { ok: false; status: number; code: string | null; message: string | null };

export async function postAuth(path: "/sign-up/email" | "/sign-in/email" | "/reset-password", body: Record<string, string>): Promise<AuthResult> {
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
  if (res.ok) return { ok: true };
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
