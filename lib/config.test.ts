import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "./config";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pixola-config-"));
const read = (env: Record<string, string>) => readConfig({ NODE_ENV: "test", DATA_DIR: dataDir, ...env });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("sign-up settings", () => {
  it("default to open sign-up, the plan's grant and no mail", () => {
    expect(read({})).toMatchObject({ signup: "open", freeCredits: undefined, smtpUrl: undefined, mailFrom: "Pixola <no-reply@localhost>" });
  });

  it("accept the documented values", () => {
    expect(read({ SIGNUP: "invite" }).signup).toBe("invite");
    expect(read({ SIGNUP: "Closed" }).signup).toBe("closed");
    expect(read({ FREE_CREDITS: "0" }).freeCredits).toBe(0);
    expect(read({ FREE_CREDITS: "250" }).freeCredits).toBe(250);
    const mail = read({ SMTP_URL: "smtps://u:p@mail.example.com:465", MAIL_FROM: "Ops <ops@example.com>" });
    expect(mail).toMatchObject({ smtpUrl: "smtps://u:p@mail.example.com:465", mailFrom: "Ops <ops@example.com>" });
  });

  it("refuse bad values at boot, naming the variable and what it accepts", () => {
    expect(() => read({ SIGNUP: "invites" })).toThrow("SIGNUP must be one of open, invite, closed (got 'invites').");
    for (const bad of ["-1", "1.5", "lots", "1e3"]) {
      expect(() => read({ FREE_CREDITS: bad })).toThrow(`FREE_CREDITS must be a whole number of 0 or more (got '${bad}').`);
    }
    expect(() => read({ SMTP_URL: "mail.example.com" })).toThrow(/^SMTP_URL must be a URL like smtp:\/\//);
    expect(() => read({ SMTP_URL: "https://mail.example.com" })).toThrow("SMTP_URL must start with smtp:// or smtps:// (got 'https:').");
  });
});
