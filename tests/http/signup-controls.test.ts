import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdminCli } from "../helpers/admin-cli";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { linkIn, startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

const PASSWORD = "correct horse battery staple";
let n = 0;
const email = (tag: string) => `${tag}-${++n}-${Date.now()}@example.com`;

async function post(app: AppServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
const signUp = (app: AppServer, address: string, extra: Record<string, unknown> = {}) =>
  post(app, "/api/auth/sign-up/email", { name: "Ada Lovelace", email: address, password: PASSWORD, ...extra });
const signIn = (app: AppServer, address: string) => post(app, "/api/auth/sign-in/email", { email: address, password: PASSWORD });

describe("SIGNUP=closed", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ SIGNUP: "closed" });
  });
  afterAll(() => app?.stop());

  it("refuses sign-up with a JSON 403 and shows no form", async () => {
    const r = await signUp(app, email("closed"));
    expect(r.status).toBe(403);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.body).toEqual({ code: "SIGNUP_CLOSED", message: "Sign-up is closed on this server: ask its operator for an account" });
    const page = await (await fetch(`${app.url}/sign-up`)).text();
    expect(page).toContain("Sign-up is closed");
    expect(page).not.toContain("<form");
  });

  it("npm run users -- create makes an account whose one-time link sets the password", async () => {
    const address = email("operator-made");
    const link = await runAdminCli("users", ["create", "--email", address, "--name", "Grace"], app.dataDir);
    expect(link).toMatch(new RegExp(`^${app.url}/set-password\\?token=[0-9A-Za-z]{32}$`));
    expect((await fetch(link)).status).toBe(200);
    const token = new URL(link).searchParams.get("token");
    expect((await post(app, "/api/auth/reset-password", { token, newPassword: PASSWORD })).status).toBe(200);
    expect((await signIn(app, address)).status).toBe(200);
    const again = await post(app, "/api/auth/reset-password", { token, newPassword: "another long passphrase here" });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("INVALID_TOKEN");
    // npm run keys keeps working with sign-up closed.
    expect(await runAdminCli("keys", ["create", "--email", address], app.dataDir)).toMatch(/^pxk_/);
  });
});

describe("SIGNUP=invite", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ SIGNUP: "invite" });
  });
  afterAll(() => app?.stop());

  it("needs a valid, unused code from npm run invites -- create", async () => {
    const missing = await signUp(app, email("nocode"));
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      code: "INVITE_REQUIRED",
      message: "An invite code is required to sign up on this server: ask its operator for one",
    });
    const bogus = await signUp(app, email("bogus"), { inviteCode: "pxi_" + "x".repeat(24) });
    expect(bogus.status).toBe(400);
    expect(bogus.body).toEqual({ code: "INVITE_INVALID", message: "This invite code is not valid or was already used" });

    const code = await runAdminCli("invites", ["create", "--note", "http test"], app.dataDir);
    expect(code).toMatch(/^pxi_[0-9A-Za-z]{24}$/);
    const ok = await signUp(app, email("invited"), { inviteCode: code });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toContain("session_token");
    const reused = await signUp(app, email("reuse"), { inviteCode: code });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe("INVITE_INVALID");
  });
});

describe("email verification with SMTP_URL", () => {
  let app: AppServer;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startAppServer({ SMTP_URL: smtp.url, MAIL_FROM: "Pixola <pixola@example.com>" });
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
  });

  it("the mail arrives, its link verifies and signs in, and the credits are granted once", async () => {
    const address = email("verify");
    const r = await signUp(app, address, { callbackURL: "/dashboard" });
    expect(r.status).toBe(200);
    expect(r.body.token).toBeNull();
    expect(r.headers.get("set-cookie")).toBeNull();

    const mail = await smtp.nextMailTo(address);
    expect(mail.from).toBe("pixola@example.com");
    const link = linkIn(mail);
    expect(link.startsWith(`${app.url}/api/auth/verify-email?token=`)).toBe(true);
    const before = await signIn(app, address);
    expect(before.status).toBe(403);
    expect(before.body.code).toBe("EMAIL_NOT_VERIFIED");

    const opened = await fetch(link, { redirect: "manual" });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/dashboard");
    expect(opened.headers.get("set-cookie")).toContain("session_token");
    expect((await fetch(link, { redirect: "manual" })).status).toBe(302); // clicked twice

    expect((await signIn(app, address)).status).toBe(200);
    const key = await runAdminCli("keys", ["create", "--email", address], app.dataDir);
    const credits = await (await fetch(`${app.url}/api/v1/credits`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(credits.balance).toBe(1000);
  });
});
