import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditLedger, user, verification } from "@/db/schema";
import { issueKeyForEmail } from "@/lib/admin/keys";
import { ALL_SCOPES } from "@/lib/context";
import { getCredits } from "@/lib/credits/get-credits";
import { PASSWORD_LINK_TTL_SECONDS } from "@/lib/auth/password-link";
import { createUser } from "@/lib/users/create-user";
import { createTestAuth, STRONG_PASSWORD } from "../helpers/test-auth";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

let n = 0;
const email = (tag: string) => `${tag}-${++n}-${Date.now()}@example.com`;
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

describeEachBackend("npm run users -- create, and FREE_CREDITS", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("with sign-up closed, makes a verified, funded account and a one-time link that sets its password", async () => {
    const app = createTestAuth(env.db, { signup: "closed" });
    const address = email("cli");
    const before = Date.now();
    const created = await createUser({ db: env.db, config: app.config, auth: app.auth }, { email: address.toUpperCase(), name: "Grace" });
    const after = Date.now();
    expect(created.email).toBe(address);
    expect(created.passwordLink).toMatch(/^http:\/\/localhost:3000\/set-password\?token=[0-9A-Za-z]{32}$/);
    const [row] = await env.db.select().from(user).where(eq(user.email, address));
    expect(row).toMatchObject({ name: "Grace", emailVerified: true });
    expect(await env.balanceOf(row.id)).toBe(1000);

    // The link lasts a day from its making (better-auth's own reset tokens last an hour).
    expect(PASSWORD_LINK_TTL_SECONDS).toBe(24 * 3600);
    expect(created.linkExpiresAt.getTime()).toBeGreaterThanOrEqual(before + PASSWORD_LINK_TTL_SECONDS * 1000);
    expect(created.linkExpiresAt.getTime()).toBeLessThanOrEqual(after + PASSWORD_LINK_TTL_SECONDS * 1000);

    expect((await app.signIn(address)).status).toBe(401); // no password yet
    const token = tokenOf(created.passwordLink);
    const weak = await app.post("/reset-password", { token, newPassword: "password123" });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe("PASSWORD_TOO_WEAK");
    expect((await app.post("/reset-password", { token, newPassword: STRONG_PASSWORD })).status).toBe(200);
    const signedIn = await app.signIn(address);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("set-cookie")).toContain("session_token");

    const reused = await app.post("/reset-password", { token, newPassword: "another long passphrase here" });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe("INVALID_TOKEN");
    expect(await env.db.select().from(verification).where(like(verification.identifier, `%${token}`))).toHaveLength(0);
  });

  it("refuses an email that already has an account, and a malformed one", async () => {
    const app = createTestAuth(env.db);
    const address = email("taken");
    await createUser({ db: env.db, config: app.config }, { email: address });
    await expect(createUser({ db: env.db, config: app.config }, { email: address })).rejects.toMatchObject({
      code: "conflict",
      message: `An account with the email ${address} already exists.`,
    });
    await expect(createUser({ db: env.db, config: app.config }, { email: "not-an-email" })).rejects.toThrow(/valid email/);
  });

  it("FREE_CREDITS replaces the sign-up grant, for sign-up, users create and keys", async () => {
    const app = createTestAuth(env.db, { freeCredits: 250 });
    const signedUp = email("free250");
    expect((await app.signUp(signedUp)).status).toBe(200);
    const cli = await createUser({ db: env.db, config: app.config }, { email: email("free250-cli") });
    const keyed = await issueKeyForEmail(env.db, email("free250-key"), { freeCredits: 250 });
    const [row] = await env.db.select().from(user).where(eq(user.email, signedUp));
    const keyedId = (await env.db.select().from(user).where(eq(user.email, keyed.email)))[0].id;
    for (const id of [row.id, cli.userId, keyedId]) {
      expect(await env.balanceOf(id)).toBe(250);
      expect(await env.ledgerSum(id)).toBe(250);
    }
  });

  it("FREE_CREDITS=0 opens an empty wallet with no ledger row", async () => {
    const app = createTestAuth(env.db, { freeCredits: 0 });
    const address = email("free0");
    expect((await app.signUp(address)).status).toBe(200);
    const [row] = await env.db.select().from(user).where(eq(user.email, address));
    expect(await env.balanceOf(row.id)).toBe(0);
    expect(await env.db.select().from(creditLedger).where(eq(creditLedger.userId, row.id))).toHaveLength(0);
    // What REST /credits and check_credits answer for it: the wallet, and no history.
    expect(await getCredits({ ctx: { db: env.db, userId: row.id, actor: { kind: "apiKey", keyId: "key_test", scopes: ALL_SCOPES }, requestId: "req_test" } })).toEqual({
      balance: 0,
      plan: expect.objectContaining({ slug: expect.any(String) }),
      recentEntries: [],
    });
  });
});
