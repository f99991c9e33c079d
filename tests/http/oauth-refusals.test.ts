import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { jsonRpcOf } from "../helpers/mcp-clients";
import { ALL, authorize, CALLBACK, codeFor, grantFor, jwtClaims, pkce, postToken, registerClient, signUpCookie } from "../helpers/oauth-http";
import { baseUrl, call, newKey } from "./client";
import { awayFromMinuteEnd } from "./rate-limit-helpers";

const ACCEPT = "application/json, text/event-stream";
let n = 0;
const email = (tag: string) => `${tag}-${Date.now()}-${++n}@example.com`;

async function mcp(base: string, token: string, body: unknown) {
  const res = await fetch(`${base}/mcp`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: ACCEPT },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, message: res.status === 200 ? jsonRpcOf(text) : JSON.parse(text) };
}
const toolCall = (name: string, args: Record<string, unknown> = {}) => ({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name, arguments: args } });
const toolsList = { jsonrpc: "2.0", id: 1, method: "tools/list" };

function expectInvalidToken(r: Awaited<ReturnType<typeof mcp>>, base: string) {
  expect(r.status).toBe(401);
  const challenge = r.headers.get("www-authenticate")!;
  expect(challenge).toContain('error="invalid_token"');
  expect(challenge).toContain(`resource_metadata="${base}/.well-known/oauth-protected-resource/mcp"`);
}

describe("OAuth refusals at the authorization server", () => {
  let cookie: string;
  let clientId: string;
  const base = () => baseUrl();
  const request = (extra: Record<string, string>) => ({
    response_type: "code",
    client_id: clientId,
    redirect_uri: CALLBACK,
    scope: ALL,
    state: "xyz",
    resource: `${base()}/mcp`,
    ...extra,
  });

  beforeAll(async () => {
    cookie = await signUpCookie(base(), email("as-refusals"));
    ({ body: { client_id: clientId } } = await registerClient(base()));
  });

  it("refuses an authorization request without PKCE: no code is issued", async () => {
    const r = await authorize(base(), cookie, request({}));
    const back = new URL(r.location!);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.has("code")).toBe(false);
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toMatch(/pkce is required/);
  });

  it("refuses plain PKCE: S256 only", async () => {
    const { verifier } = pkce();
    const r = await authorize(base(), cookie, request({ code_challenge: verifier, code_challenge_method: "plain" }));
    const back = new URL(r.location!);
    expect(back.searchParams.has("code")).toBe(false);
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toMatch(/S256/);
  });

  it("never redirects to a redirect URI the client did not register", async () => {
    const { challenge } = pkce();
    const evil = "http://127.0.0.1:9/evil";
    const r = await authorize(base(), cookie, request({ redirect_uri: evil, code_challenge: challenge, code_challenge_method: "S256" }));
    // Pixola's own error page instead: an unverified redirect URI never receives anything.
    expect(r.location).not.toContain(evil);
    const to = new URL(r.location!);
    expect(to.origin).toBe(base());
    expect(to.searchParams.get("error")).toBeTruthy();
  });

  it("exchanges a code only with its PKCE verifier", async () => {
    const { clientId, code } = await codeFor(base(), cookie);
    const exchange = (extra: Record<string, string>) =>
      postToken(base(), { grant_type: "authorization_code", code, redirect_uri: CALLBACK, client_id: clientId, resource: `${base()}/mcp`, ...extra });
    const attempts: Record<string, string>[] = [{}, { code_verifier: pkce().verifier }];
    for (const attempt of attempts) {
      const r = await exchange(attempt);
      expect([400, 401]).toContain(r.status);
      expect(r.body.access_token).toBeUndefined();
    }
  });

  it("refuses a rotated refresh token presented again", async () => {
    const grant = await grantFor(base(), cookie);
    expect(grant.refreshToken).toBeTruthy();
    const rotated = await postToken(base(), { grant_type: "refresh_token", refresh_token: grant.refreshToken!, client_id: grant.clientId });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).toBeTruthy();
    expect(rotated.body.refresh_token).not.toBe(grant.refreshToken);
    expect(jwtClaims(rotated.body.access_token).aud).toBe(`${base()}/mcp`);

    const reused = await postToken(base(), { grant_type: "refresh_token", refresh_token: grant.refreshToken!, client_id: grant.clientId });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe("invalid_grant");
  });
});

describe("OAuth refusals at /mcp", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signUpCookie(baseUrl(), email("rs-refusals"));
  });

  it("refuses a token signed by this server for another audience (the session JWT of /api/auth/token)", async () => {
    const res = await fetch(`${baseUrl()}/api/auth/token`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(jwtClaims(token).aud).not.toBe(`${baseUrl()}/mcp`);
    expectInvalidToken(await mcp(baseUrl(), token, toolsList), baseUrl());
  });

  it("refuses a token request for another resource", async () => {
    const { body: client } = await registerClient(baseUrl());
    const { challenge } = pkce();
    const r = await authorize(baseUrl(), cookie, {
      response_type: "code",
      client_id: client.client_id,
      redirect_uri: CALLBACK,
      scope: ALL,
      code_challenge: challenge,
      code_challenge_method: "S256",
      resource: "https://elsewhere.example/mcp",
    });
    expect(r.location ?? "").not.toMatch(/[?&]code=/);
  });

  it("refuses a token whose signature was tampered with, and one with its audience rewritten", async () => {
    const { accessToken } = await grantFor(baseUrl(), cookie);
    expect((await mcp(baseUrl(), accessToken, toolsList)).status).toBe(200);
    const [h, p, s] = accessToken.split(".");
    const claims = { ...jwtClaims(accessToken), aud: "https://elsewhere.example/mcp" };
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
    expectInvalidToken(await mcp(baseUrl(), forged, toolsList), baseUrl());
    expectInvalidToken(await mcp(baseUrl(), `${h}.${p}.${s.slice(0, -4)}AAAA`, toolsList), baseUrl());
  });

  it("a grant without images:generate lists every tool but gets 403 insufficient_scope from generate_image", async () => {
    const { accessToken } = await grantFor(baseUrl(), cookie, "images:read credits:read offline_access");
    const list = await mcp(baseUrl(), accessToken, toolsList);
    expect(list.status).toBe(200);
    expect(list.message.result.tools).toHaveLength(8);

    const credits = await mcp(baseUrl(), accessToken, toolCall("check_credits"));
    expect(credits.status).toBe(200);
    expect(credits.message.result.isError).toBeFalsy();
    expect(credits.headers.get("x-ratelimit-limit")).toBeTruthy();

    const r = await mcp(baseUrl(), accessToken, toolCall("generate_image", { prompt: "a red kite" }));
    expect(r.status).toBe(403);
    const challenge = r.headers.get("www-authenticate")!;
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toMatch(/scope="[^"]*images:generate/);
    expect(r.message.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("images:generate") });
  });

  it("another user's batch id through an OAuth token is not found, as with keys", async () => {
    const other = await newKey();
    const made = await call("/api/v1/generate", { key: other.key, json: { prompt: "someone else's picture", count: 1, seed: 1 } });
    expect(made.status).toBe(202);
    const { accessToken } = await grantFor(baseUrl(), cookie);
    const r = await mcp(baseUrl(), accessToken, toolCall("get_batch", { batchId: made.body.batchId }));
    expect(r.status).toBe(200);
    expect(r.message.result.isError).toBe(true);
    expect(JSON.stringify(r.message.result.content)).toMatch(/not found/i);
    // The key of its owner still sees it.
    expect((await call(`/api/v1/batches/${made.body.batchId}`, { key: other.key })).status).toBe(200);
  });

  it("generate_image with an OAuth token: a retry with the same idempotency_key returns the same batch and charges once", async () => {
    const { accessToken } = await grantFor(baseUrl(), cookie);
    const args = { prompt: "a paper crane", count: 2, idempotency_key: "oauth-retry-1" };
    const first = await mcp(baseUrl(), accessToken, toolCall("generate_image", args));
    const again = await mcp(baseUrl(), accessToken, toolCall("generate_image", args));
    expect(first.message.result.isError).toBeFalsy();
    expect(again.message.result.structuredContent.batchId).toBe(first.message.result.structuredContent.batchId);
    const credits = await mcp(baseUrl(), accessToken, toolCall("check_credits"));
    expect(credits.message.result.structuredContent.balance).toBe(first.message.result.structuredContent.balance);
  });

  it("REST /api/v1 stays key-only: an OAuth token is refused there", async () => {
    const { accessToken } = await grantFor(baseUrl(), cookie);
    expect((await call("/api/v1/credits", { key: accessToken })).status).toBe(401);
  });
});

describe("short-lived tokens, per-grant rate limits and the registration limit (own app: 2 s tokens, 3 calls a minute, address limits on)", () => {
  let app: AppServer;
  // Registrations this app has seen, so the limit test knows how many are left in the hour.
  let registrations = 0;
  const grant = (cookie: string) => {
    registrations++;
    return grantFor(app.url, cookie);
  };
  beforeAll(async () => {
    app = await startAppServer({ OAUTH_ACCESS_TOKEN_TTL_SECONDS: "2", RATE_LIMIT_PER_MINUTE: "3", RATE_LIMIT_PER_DAY: "1000", AUTH_RATE_LIMIT: "on" });
  });
  afterAll(() => app?.stop());

  it("an access token past its expiry gets 401", async () => {
    const cookie = await signUpCookie(app.url, email("expiry"));
    const { accessToken } = await grant(cookie);
    const { exp, iat } = jwtClaims(accessToken);
    expect(exp - iat).toBe(2);
    // Wait until the token's own expiry has passed (plus a second for whole-second clocks).
    await new Promise((r) => setTimeout(r, Math.max(0, (exp + 1) * 1000 - Date.now())));
    expectInvalidToken(await mcp(app.url, accessToken, toolsList), app.url);
  });

  it("counts tool calls per grant, like per key: a grant's tokens share the counter, another grant has its own", async () => {
    await awayFromMinuteEnd();
    const cookie = await signUpCookie(app.url, email("limits"));
    const first = await grant(cookie);
    for (let i = 0; i < 3; i++) expect((await mcp(app.url, first.accessToken, toolCall("check_credits"))).message.result.isError).toBeFalsy();
    const refused = await mcp(app.url, first.accessToken, toolCall("check_credits"));
    expect(refused.message.result.isError).toBe(true);
    expect(JSON.stringify(refused.message.result.content)).toMatch(/Rate limit reached: this connection may make 3 requests per minute/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // A refreshed token of the same grant is still counted against it.
    const rotated = await postToken(app.url, { grant_type: "refresh_token", refresh_token: first.refreshToken!, client_id: first.clientId });
    expect((await mcp(app.url, rotated.body.access_token, toolCall("check_credits"))).message.result.isError).toBe(true);
    // Another app the same person connected has its own counter.
    const second = await grant(cookie);
    expect((await mcp(app.url, second.accessToken, toolCall("check_credits"))).message.result.isError).toBeFalsy();
  });

  it("allows 20 client registrations per hour from one address, then 429", async () => {
    const statuses: number[] = [];
    for (let i = registrations; i < 21; i++) statuses.push((await registerClient(app.url)).status);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
