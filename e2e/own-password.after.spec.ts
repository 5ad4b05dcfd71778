import { expect, test, type BrowserContext } from "@playwright/test";
import { logInFresh } from "./helpers";
import { DEMO_PASSWORD } from "./personas";

// Runs after the other specs: it changes this persona's password.
const EMAIL = "w@muller.test";
const NEW_PASSWORD = "walter's new long passphrase";

const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name.endsWith("roster.session"));

test("changing your own password ends your other sessions; this one goes on under a new session id (security.md D4)", async ({ browser }) => {
  const here = await logInFresh(browser, EMAIL);
  const elsewhere = await logInFresh(browser, EMAIL);
  const before = await sessionCookie(here.context);
  expect(before).toBeDefined();

  await here.page.goto("/profile", { waitUntil: "networkidle" });
  await here.page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await here.page.getByLabel("New password").fill(NEW_PASSWORD);
  await here.page.getByRole("button", { name: "Change password" }).click();
  await expect(here.page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  // A new cookie, still HttpOnly and Lax; this browser stays logged in with it.
  const after = await sessionCookie(here.context);
  expect(after?.value).not.toBe(before!.value);
  expect(after).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  await here.page.reload();
  await expect(here.page).toHaveURL(/\/profile$/);
  await expect(here.page.getByRole("heading", { level: 1 })).toBeVisible();

  // The other browser is logged out, and the old cookie replayed is refused too.
  await elsewhere.page.reload();
  await expect(elsewhere.page).toHaveURL(/\/login/);
  const replay = await browser.newContext();
  await replay.addCookies([before!]);
  const replayPage = await replay.newPage();
  await replayPage.goto("/profile");
  await expect(replayPage).toHaveURL(/\/login/);

  await Promise.all([here.context.close(), elsewhere.context.close(), replay.close()]);
});
