import { expect, test } from "@playwright/test";
import { logInFresh } from "./helpers";
import { DEMO_PASSWORD } from "./personas";

const EMAIL = "h@united.test";
const NEW_PASSWORD = "a new long passphrase 42";

test("forgot password: the mailbox has the link, the link sets a new password once, other sessions end", async ({ browser }) => {
  // A session that must not survive the reset (security.md E5).
  const { context: other, page: otherPage } = await logInFresh(browser, EMAIL);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account exists for ${EMAIL}`);

  // An unknown address gets the very same answer.
  await page.goto("/forgot", { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill("nobody@nowhere.test");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for nobody@nowhere.test");

  await page.goto("/dev/mailbox");
  const mail = page.getByTestId("mail").filter({ hasText: `To: ${EMAIL}` }).filter({ hasText: "Reset your Roster password" }).first();
  await expect(mail).toBeVisible();
  await expect(page.getByTestId("mail").filter({ hasText: "nobody@nowhere.test" })).toHaveCount(0);
  const link = await mail.getByRole("link").first().getAttribute("href");
  expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);

  const response = await page.goto(link!, { waitUntil: "networkidle" });
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Repeat the password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=done/);
  await expect(page.getByRole("status")).toContainText("Your password has been changed");
  await page.screenshot({ path: "e2e/screenshots/password-reset-done.png" });

  // The link works once.
  await page.goto(link!);
  await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();

  // The other session is over; the new password works, the old one does not.
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/login/);
  await page.goto("/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toBeVisible();
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  await context.close();
  await other.close();
});
