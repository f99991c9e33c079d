import { expect, test } from "@playwright/test";
import { runAdminCli } from "../helpers/admin-cli";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { PASSWORD, uniqueEmail } from "./helpers";

// Each mode needs an app of its own (SIGNUP is read at boot), next to the suite's open one.
function appWith(env: Record<string, string>) {
  const holder: { app?: AppServer } = {};
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    holder.app = await startAppServer(env);
  });
  test.afterAll(async () => holder.app?.stop());
  return () => holder.app!;
}

test.describe("SIGNUP=closed", () => {
  const app = appWith({ SIGNUP: "closed" });

  test("the sign-up page says sign-up is closed and whom to ask, and no account can be made", async ({ page }) => {
    await page.goto(`${app().url}/sign-up`);
    await expect(page.getByRole("heading", { name: "Sign-up is closed" })).toBeVisible();
    await expect(page.getByText("Ask the person who runs it for an account")).toBeVisible();
    await expect(page.locator("form")).toHaveCount(0);

    const email = uniqueEmail("closed");
    const direct = await page.request.post(`${app().url}/api/auth/sign-up/email`, {
      data: { name: "Ada Lovelace", email, password: PASSWORD },
      headers: { origin: app().url },
    });
    expect(direct.status()).toBe(403);
    expect((await direct.json()).code).toBe("SIGNUP_CLOSED");

    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  });

  test("an account from npm run users sets its password through the link and signs in", async ({ page }) => {
    const email = uniqueEmail("operator-made");
    const link = await runAdminCli("users", ["create", "--email", email], app().dataDir);
    await page.goto(link);
    await page.getByLabel("New password").fill("password123");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.getByText(/too easy to guess/)).toBeVisible();
    await page.getByLabel("New password").fill(PASSWORD);
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.getByText("Your password is set.")).toBeVisible();
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    // The link works once.
    await page.context().clearCookies();
    await page.goto(link);
    await page.getByLabel("New password").fill("yet another long passphrase");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.getByText(/This link has expired or was already used/)).toBeVisible();
  });
});

test.describe("SIGNUP=invite", () => {
  const app = appWith({ SIGNUP: "invite" });

  test("sign-up without a valid code is refused with a message; with a code from npm run invites it lands in the dashboard", async ({ page }) => {
    await page.goto(`${app().url}/sign-up`);
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(uniqueEmail("invited"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter the invite code you were given.")).toBeVisible();

    await page.getByLabel("Invite code").fill("pxi_" + "x".repeat(24));
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("This invite code is not valid or was already used.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up$/);

    const code = await runAdminCli("invites", ["create"], app().dataDir);
    await page.getByLabel("Invite code").fill(code);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
