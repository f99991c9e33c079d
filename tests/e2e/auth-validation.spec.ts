import { expect, test } from "@playwright/test";
import { PASSWORD, signOut, signUp, uniqueEmail } from "./helpers";

test("sign-up explains each invalid input", async ({ page }) => {
  await page.goto("/sign-up");
  const submit = page.getByRole("button", { name: "Create account" });

  await submit.click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await submit.click();
  await expect(page.getByText("Enter a valid email address, like you@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();

  const email = uniqueEmail("grace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(email);
  await submit.click();
  await expect(page.getByText("Choose a password that is not your email address.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("a weak password the form lets through is refused by the server, with its reason", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password").fill("sunshine2020");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("That password is too easy to guess: it is a commonly used password with small changes.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("signing up twice with one email says the account exists", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("sign-in explains missing fields and wrong credentials, then works", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);
  const submit = page.getByRole("button", { name: "Sign in" });

  await submit.click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password here");
  await submit.click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?signed-out$/);

  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByLabel("Password").fill(PASSWORD);
  await submit.click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await submit.click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("credit-balance")).toContainText("1,000");
});
