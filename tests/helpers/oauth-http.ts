import { createHash, randomBytes } from "node:crypto";
import { PASSWORD } from "./oauth-client";

/**
 * The authorization-code flow over plain HTTP, as a browser would run it but without one: a
 * session cookie from sign-up, /oauth2/authorize, the consent endpoint, /oauth2/token. For the
 * refusal tests, which need many grants quickly; the browser path is tests/http/oauth-flow.test.ts.
 */
export const CALLBACK = "http://127.0.0.1:9/callback";
export const ALL = "images:generate images:read credits:read offline_access";

export function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export async function signUpCookie(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ name: "Oauth Tester", email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function registerClient(base: string, body: Record<string, unknown> = {}) {
  const res = await fetch(`${base}/api/auth/oauth2/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "HTTP test client",
      redirect_uris: [CALLBACK],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      ...body,
    }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

/**
 * GET /oauth2/authorize with the session cookie; the answer's status and where it sends the
 * browser (better-auth answers fetch requests, Node's included, with `{ redirect, url }` JSON
 * instead of a 302).
 */
export async function authorize(base: string, cookie: string, params: Record<string, string>) {
  const url = new URL(`${base}/api/auth/oauth2/authorize`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const text = await res.text();
  let json: { url?: string } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, location: res.headers.get("location") ?? json?.url ?? null, text };
}

export async function postToken(base: string, params: Record<string, string>) {
  const res = await fetch(`${base}/api/auth/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

export interface Grant {
  clientId: string;
  accessToken: string;
  refreshToken: string | undefined;
}

/** Registers a client, authorizes it for `scope` as the cookie's user and consents: the code, not yet exchanged. */
export async function codeFor(base: string, cookie: string, scope = ALL) {
  const { body: client } = await registerClient(base);
  const { verifier, challenge } = pkce();
  const asked = await authorize(base, cookie, {
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: CALLBACK,
    scope,
    state: "s1",
    code_challenge: challenge,
    code_challenge_method: "S256",
    resource: `${base}/mcp`,
  });
  const consentUrl = new URL(asked.location!, base);
  if (!consentUrl.pathname.endsWith("/consent")) throw new Error(`expected the consent page, got ${asked.status} ${asked.location}`);
  const consent = await fetch(`${base}/api/auth/oauth2/consent`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ accept: true, oauth_query: consentUrl.searchParams.toString() }),
  });
  const back = new URL(((await consent.json()) as { url: string }).url);
  const code = back.searchParams.get("code");
  if (!code) throw new Error(`no code: ${back}`);
  return { clientId: client.client_id as string, code, verifier };
}

/** codeFor, then the code exchanged with its PKCE verifier. */
export async function grantFor(base: string, cookie: string, scope = ALL): Promise<Grant> {
  const { clientId, code, verifier } = await codeFor(base, cookie, scope);
  const tokens = await postToken(base, {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: CALLBACK,
    client_id: clientId,
    resource: `${base}/mcp`,
  });
  if (tokens.status !== 200) throw new Error(`token exchange failed: ${tokens.status} ${JSON.stringify(tokens.body)}`);
  return { clientId, accessToken: tokens.body.access_token, refreshToken: tokens.body.refresh_token };
}

export const jwtClaims = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as Record<string, any>;
