import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwks, oauthClient, oauthConsent, oauthRefreshToken } from "@/db/schema";
import { pruneOAuthClients } from "@/lib/oauth/prune-oauth-clients";
import { verifyOAuthToken } from "@/lib/oauth/verify-oauth-token";
import { createHash, randomBytes } from "node:crypto";
import { createTestAuth, TEST_APP_URL } from "../helpers/test-auth";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

let n = 0;
const email = (tag: string) => `${tag}-${++n}-${Date.now()}@example.com`;
const CALLBACK = "http://127.0.0.1:9/callback";

describeEachBackend("OAuth storage and client pruning", (backend) => {
  let env: TestEnv;
  let app: ReturnType<typeof createTestAuth>;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    app = createTestAuth(env.db);
  });
  afterAll(() => env?.close());

  const register = async (a = app) => {
    const r = await a.post("/oauth2/register", { client_name: "test", redirect_uris: [CALLBACK], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] });
    expect(r.status).toBe(201);
    return r.body.client_id as string;
  };

  /** The code flow through better-auth's handler, as the browser and client would drive it. */
  async function grant(a = app) {
    const signUp = await a.signUp(email("storage"));
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const clientId = await register(a);
    const verifier = randomBytes(32).toString("base64url");
    const params = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: CALLBACK,
      scope: "images:read offline_access",
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
      resource: `${TEST_APP_URL}/mcp`,
    });
    const asked = await a.auth.handler(
      new Request(`${TEST_APP_URL}/api/auth/oauth2/authorize?${params}`, { headers: { cookie, accept: "application/json" } }),
    );
    const consentUrl = new URL(((await asked.json()) as { url: string }).url, TEST_APP_URL);
    const consent = await a.auth.handler(
      new Request(`${TEST_APP_URL}/api/auth/oauth2/consent`, {
        method: "POST",
        headers: { cookie, origin: TEST_APP_URL, "content-type": "application/json" },
        body: JSON.stringify({ accept: true, oauth_query: consentUrl.searchParams.toString() }),
      }),
    );
    const code = new URL(((await consent.json()) as { url: string }).url).searchParams.get("code")!;
    const token = await a.auth.handler(
      new Request(`${TEST_APP_URL}/api/auth/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: CALLBACK, client_id: clientId, resource: `${TEST_APP_URL}/mcp` }),
      }),
    );
    return { clientId, cookie, tokens: (await token.json()) as { access_token: string; refresh_token: string } };
  }

  it("stores refresh tokens only as hashes, and the signing key encrypted", async () => {
    const { clientId, tokens } = await grant();
    expect(tokens.refresh_token).toBeTruthy();
    const rows = await env.db.select().from(oauthRefreshToken).where(eq(oauthRefreshToken.clientId, clientId));
    expect(rows).toHaveLength(1);
    expect(rows[0].token).not.toBe(tokens.refresh_token);
    expect(JSON.stringify(rows)).not.toContain(tokens.refresh_token);
    const [key] = await env.db.select().from(jwks);
    expect(key.privateKey).not.toMatch(/"d"\s*:/);
  });

  it("prunes clients registered over 30 days ago that nobody used since; keeps used and new ones", async () => {
    const unused = await register();
    const fresh = await register();
    const { clientId: used } = await grant();
    const { clientId: idleButAlive } = await grant();
    const old = sql`now() - interval '40 days'`;
    await env.db.update(oauthClient).set({ createdAt: old }).where(inArray(oauthClient.clientId, [unused, used, idleButAlive]));
    // `idleButAlive`'s grant was last used long ago, but its refresh token still lives.
    await env.db.update(oauthConsent).set({ createdAt: old, updatedAt: old, lastUsedAt: old }).where(eq(oauthConsent.clientId, idleButAlive));

    expect(await pruneOAuthClients(env.db)).toBe(1);
    const left = (await env.db.select({ id: oauthClient.clientId }).from(oauthClient)).map((r) => r.id);
    expect(left).not.toContain(unused);
    expect(left).toEqual(expect.arrayContaining([fresh, used, idleButAlive]));

    // Once its refresh token has expired too, the idle one goes, with its grant and tokens.
    await env.db.update(oauthRefreshToken).set({ expiresAt: old }).where(eq(oauthRefreshToken.clientId, idleButAlive));
    expect(await pruneOAuthClients(env.db)).toBe(1);
    expect(await env.db.select().from(oauthConsent).where(eq(oauthConsent.clientId, idleButAlive))).toHaveLength(0);
    expect(await env.db.select().from(oauthClient).where(eq(oauthClient.clientId, idleButAlive))).toHaveLength(0);
  });

  // Last: the apps made before it keep signing with the key they started with, now not the newest.
  it("replaces a signing key sealed with another secret on start; tokens it signed still verify", async () => {
    const before = await grant();
    expect(before.tokens.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const sealed = (await env.db.select({ id: jwks.id }).from(jwks)).map((k) => k.id);
    expect(sealed.length).toBeGreaterThan(0);

    // The operator changed BETTER_AUTH_SECRET: the stored key no longer opens.
    const restarted = createTestAuth(env.db, { authSecret: "another-auth-secret-9876543210zyxwvutsrqponm" });
    const after = await grant(restarted);
    expect(after.tokens.access_token, "the token exchange works with the new secret").toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const keys = await env.db.select({ id: jwks.id }).from(jwks);
    expect(keys.map((k) => k.id)).toEqual(expect.arrayContaining(sealed));
    expect(keys).toHaveLength(sealed.length + 1);

    const verifier = { db: env.db, appUrl: TEST_APP_URL, jwks: () => restarted.auth.api.getJwks() };
    const verify = (token: string) =>
      verifyOAuthToken(verifier, new Request(`${TEST_APP_URL}/mcp`, { method: "POST", headers: { authorization: `Bearer ${token}` } }), token);
    expect(await verify(before.tokens.access_token), "a token signed before the change").toMatchObject({ clientId: before.clientId });
    expect(await verify(after.tokens.access_token)).toMatchObject({ clientId: after.clientId });

    // Started again with the same secret: the key it made opens, so no other is made.
    await grant(createTestAuth(env.db, { authSecret: "another-auth-secret-9876543210zyxwvutsrqponm" }));
    expect(await env.db.select({ id: jwks.id }).from(jwks)).toHaveLength(sealed.length + 1);
  });
});
