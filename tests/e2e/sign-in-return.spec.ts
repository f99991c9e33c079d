import { expect, test } from "@playwright/test";
import { signInHere, signOut, signUp } from "./helpers";

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

test("signing out says so, and signing in returns to the page asked for", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);
  await expect(page.getByTestId("signed-out-notice")).toHaveText(/You have signed out/);

  await page.goto("/images");
  expect(pathOf(page.url())).toBe("/sign-in?next=%2Fimages");
  await expect(page.getByTestId("signed-out-notice")).toHaveCount(0);
  await signInHere(page, email);
  await expect(page).toHaveURL((u) => u.pathname === "/images");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // A query string survives the round trip too.
  await signOut(page);
  await page.goto("/credits?cursor=stale");
  expect(pathOf(page.url())).toBe("/sign-in?next=%2Fcredits%3Fcursor%3Dstale");
  await signInHere(page, email);
  await expect(page).toHaveURL((u) => u.pathname === "/credits");
});

test("next= pointing anywhere but a path on this site lands on /dashboard", async ({ page, baseURL }) => {
  const { email } = await signUp(page);
  const origin = new URL(baseURL!).origin;
  for (const next of ["https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "/.//evil.example", "javascript:alert(1)"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await signInHere(page, email);
    await expect(page, next).toHaveURL(`${origin}/dashboard`);

    // Already signed in, the sign-in page forwards at once: to /dashboard as well.
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page, `${next} (signed in)`).toHaveURL(`${origin}/dashboard`);
  }
});
