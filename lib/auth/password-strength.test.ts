import { describe, expect, it } from "vitest";
import { checkPasswordStrength, PASSWORD_ACCEPTED } from "./password-strength";

describe("checkPasswordStrength", () => {
  it.each([
    ["aaaaaaaaaa", /repeats one character/],
    [" ".repeat(10), /repeats one character/],
    ["password123", /commonly used password/],
    ["Password1!", /commonly used password/],
    ["1234567890", /hundred most common passwords/],
    ["qwertyuiop", /hundred most common passwords/],
    ["abcdefghij", /common sequence/],
    ["abcabcabcabc", /repeats a short pattern/],
    ["sunshine2020", /commonly used password with small changes/],
  ])("refuses %j and says why and what is accepted", async (password, why) => {
    const v = await checkPasswordStrength(password);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.message).toMatch(/^That password is too easy to guess: /);
    expect(v.message).toMatch(why);
    expect(v.message).toContain(PASSWORD_ACCEPTED);
    expect(v.message).toContain("10–128 characters");
  });

  it("refuses the person's own email, its local part and name", async () => {
    const personal = ["ada.lovelace@example.com", "Ada Lovelace"];
    for (const password of ["ada.lovelace@example.com", "ada.lovelace", "adalovelace1"]) {
      const v = await checkPasswordStrength(password, personal);
      expect(v, password).toMatchObject({ ok: false, message: expect.stringMatching(/email address or name|commonly used|single name|common names/) });
    }
  });

  it.each(["correct horse battery staple", "violet-tractor-41-umbrella", "zq8-Vw!mK2pL", "Pixola-2026!"])("accepts %j", async (password) => {
    expect(await checkPasswordStrength(password, ["ada.lovelace@example.com", "Ada Lovelace"])).toEqual({ ok: true });
  });

  it("loads the dictionaries once: later checks are fast", async () => {
    await checkPasswordStrength("warm up the estimator");
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await checkPasswordStrength(`another passphrase ${i}`);
    expect((performance.now() - t0) / 20).toBeLessThan(50);
  });
});
