import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invites, user } from "@/db/schema";
import { claimInvite } from "@/lib/invites/claim-invite";
import { hashInviteCode } from "@/lib/invites/codec";
import { createInvite } from "@/lib/invites/create-invite";
import { createTestAuth } from "../helpers/test-auth";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

let n = 0;
const email = (tag: string) => `${tag}-${++n}-${Date.now()}@example.com`;

describeEachBackend("SIGNUP=invite and closed", (backend) => {
  let env: TestEnv;
  let app: ReturnType<typeof createTestAuth>;
  const accountExists = async (address: string) => (await env.db.select().from(user).where(eq(user.email, address))).length === 1;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    app = createTestAuth(env.db, { signup: "invite" });
  });
  afterAll(() => env?.close());

  it("stores only the code's hash, and the code makes exactly one account", async () => {
    const { code, invite } = await createInvite(env.db, { note: "for Ada", expiresInDays: 7 });
    expect(code).toMatch(/^pxi_[0-9A-Za-z]{24}$/);
    const [row] = await env.db.select().from(invites).where(eq(invites.id, invite.id));
    expect(row.codeHash).toBe(hashInviteCode(code));
    expect(JSON.stringify(row)).not.toContain(code.slice(4));

    const first = email("invited");
    const r = await app.signUp(first, { inviteCode: ` ${code}\n` });
    expect(r.status).toBe(200);
    const [created] = await env.db.select().from(user).where(eq(user.email, first));
    const [used] = await env.db.select().from(invites).where(eq(invites.id, invite.id));
    expect(used.usedAt).toBeInstanceOf(Date);
    expect(used.usedBy).toBe(created.id);
    expect(await env.balanceOf(created.id)).toBe(1000);

    const second = email("again");
    const again = await app.signUp(second, { inviteCode: code });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: "INVITE_INVALID", message: "This invite code is not valid or was already used" });
    expect(await accountExists(second)).toBe(false);
  });

  it("refuses a missing, malformed or unknown code with a JSON 400", async () => {
    const missing = await app.signUp(email("nocode"));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: "INVITE_REQUIRED", message: expect.stringMatching(/^An invite code is required/) });
    expect((await app.signUp(email("blank"), { inviteCode: "  " })).body.code).toBe("INVITE_REQUIRED");
    expect((await app.signUp(email("shape"), { inviteCode: "let me in" })).body.code).toBe("INVITE_INVALID");
    expect((await app.signUp(email("number"), { inviteCode: 42 })).body.code).toBe("INVITE_INVALID");
    const unknown = await app.signUp(email("unknown"), { inviteCode: "pxi_" + "A".repeat(24) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe("INVITE_INVALID");
  });

  it("refuses an expired code", async () => {
    const { code, invite } = await createInvite(env.db, { expiresInDays: 1 });
    await env.db.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.id, invite.id));
    const address = email("late");
    const r = await app.signUp(address, { inviteCode: code });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe("INVITE_INVALID");
    expect(await accountExists(address)).toBe(false);
  });

  it("two sign-ups racing with one code make one account", async () => {
    const { code } = await createInvite(env.db, {});
    const addresses = [email("racer-a"), email("racer-b"), email("racer-c")];
    const results = await Promise.all(addresses.map((a) => app.signUp(a, { inviteCode: code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    const made = await Promise.all(addresses.map(accountExists));
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(made[results.findIndex((r) => r.status === 200)]).toBe(true);
  });

  it("claiming is atomic: of many concurrent claims of one code exactly one wins", async () => {
    const { code } = await createInvite(env.db, {});
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimInvite(env.db, code)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("a weak password does not use the code up", async () => {
    const { code } = await createInvite(env.db, {});
    const weak = await app.signUp(email("weak"), { inviteCode: code, password: "password123" });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe("PASSWORD_TOO_WEAK");
    expect((await app.signUp(email("strong"), { inviteCode: code })).status).toBe(200);
  });

  it("SIGNUP=closed refuses every sign-up with a 403 that says whom to ask", async () => {
    const closed = createTestAuth(env.db, { signup: "closed" });
    const { code } = await createInvite(env.db, {});
    for (const extra of [{}, { inviteCode: code }]) {
      const address = email("closed");
      const r = await closed.signUp(address, extra);
      expect(r.status).toBe(403);
      expect(r.body).toEqual({ code: "SIGNUP_CLOSED", message: "Sign-up is closed on this server: ask its operator for an account" });
      expect(await accountExists(address)).toBe(false);
    }
  });
});
