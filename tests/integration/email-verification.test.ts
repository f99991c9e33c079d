import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditLedger, user, wallets } from "@/db/schema";
import { createUser } from "@/lib/users/create-user";
import { linkIn, startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { createTestAuth } from "../helpers/test-auth";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

let n = 0;
const email = (tag: string) => `${tag}-${++n}-${Date.now()}@example.com`;

describeEachBackend("email verification with SMTP_URL", (backend) => {
  let env: TestEnv;
  let smtp: SmtpSink;
  let app: ReturnType<typeof createTestAuth>;
  const userId = async (address: string) => (await env.db.select({ id: user.id }).from(user).where(eq(user.email, address)))[0].id;
  const hasWallet = async (id: string) => (await env.db.select().from(wallets).where(eq(wallets.userId, id))).length === 1;
  const grants = (id: string) => env.db.select().from(creditLedger).where(eq(creditLedger.userId, id));

  beforeAll(async () => {
    env = await createTestEnv(backend);
    smtp = await startSmtpSink();
    app = createTestAuth(env.db, { smtpUrl: smtp.url, mailFrom: "Pixola <pixola@example.com>" });
  });
  afterAll(async () => {
    await smtp?.close();
    await env?.close();
  });

  it("mails a link; the credits are granted when it is opened, once however often", async () => {
    const address = email("verify");
    const r = await app.signUp(address, { callbackURL: "/dashboard" });
    expect(r.status).toBe(200);
    expect(r.body.token).toBeNull(); // no session before verification
    const id = await userId(address);
    expect(await hasWallet(id)).toBe(false);

    const mail = await smtp.nextMailTo(address);
    expect(mail.from).toBe("pixola@example.com");
    expect(mail.subject).toBe("Confirm your email address for Pixola");
    const link = linkIn(mail);
    expect(link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/verify-email\?token=/);

    const refused = await app.signIn(address);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("EMAIL_NOT_VERIFIED");
    expect(await hasWallet(id)).toBe(false);

    const opened = await app.get(link);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/dashboard");
    expect(opened.headers.get("set-cookie")).toContain("session_token"); // signed in by the link
    expect(await env.balanceOf(id)).toBe(1000);

    // Clicked again, and twice at once: still one grant.
    await app.get(link);
    await Promise.all([app.get(link), app.get(link)]);
    expect(await env.balanceOf(id)).toBe(1000);
    expect((await grants(id)).map((g) => [g.kind, g.amount])).toEqual([["grant", 1000]]);
    expect((await app.signIn(address)).status).toBe(200);
  });

  it("a sign-in before verification sends a fresh link, which works", async () => {
    const address = email("resend");
    await app.signUp(address);
    await smtp.nextMailTo(address, 1);
    expect((await app.signIn(address)).status).toBe(403);
    const second = linkIn(await smtp.nextMailTo(address, 2));
    const opened = await app.get(second);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/");
    expect(await env.balanceOf(await userId(address))).toBe(1000);
  });

  it("accounts made from the command line count as verified and get their grant at once, with no mail", async () => {
    const address = email("cli-verified");
    const created = await createUser({ db: env.db, config: app.config, auth: app.auth }, { email: address });
    expect(await env.balanceOf(created.userId)).toBe(1000);
    expect(smtp.messages.filter((m) => m.to.includes(address))).toHaveLength(0);
  });

  it("a forged or altered link verifies nothing", async () => {
    const address = email("forged");
    await app.signUp(address);
    const link = linkIn(await smtp.nextMailTo(address));
    const altered = link.replace(/token=([^&]+)/, (_m, t: string) => `token=${t.slice(0, -2)}${t.endsWith("AA") ? "BB" : "AA"}`);
    const refused = await app.get(altered);
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toBe("/?error=INVALID_TOKEN");
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(await hasWallet(await userId(address))).toBe(false);
  });
});
