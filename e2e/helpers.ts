import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./personas";

/** Opens a page of the main navigation from the persona's landing page. */
export async function openFromNav(page: Page, label: string) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

/** Opens Settings from the main navigation, then one of its tabs. */
export async function openSettings(page: Page, tab: string) {
  await openFromNav(page, "Settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: tab, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: tab })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

/**
 * Follows the newest invitation to `email` from the dev mailbox and sets a password. The page
 * names the email (and `orgName`, the org being joined, when given) and carries it in a hidden
 * username field for password managers.
 */
export async function acceptInvitation(browser: Browser, email: string, password: string, orgName?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/dev/mailbox");
  const link = await page.getByTestId("mail").filter({ hasText: `To: ${email}` }).first().getByRole("link").first().getAttribute("href");
  await page.goto(link!, { waitUntil: "networkidle" });
  await expect(page.getByTestId("invited-email")).toHaveText(email);
  if (orgName) await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Join ${orgName}`);
  await expect(page.locator('input[autocomplete="username"]')).toHaveValue(email);
  await expect(page.locator('input[autocomplete="username"]')).toBeHidden();
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create password and log in" }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  return { context, page };
}

/** Logs in through the login form in a new browser context (its own cookies). */
export async function logInFresh(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  return { context, page };
}
