import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "violet harbour lantern 42";

/** Opens the newest sign-up link emailed to `email` from the dev mailbox. */
async function followSignupLink(page: Page, email: string) {
  const mail = page.getByTestId("mail").filter({ hasText: `To: ${email}` }).filter({ hasText: "Finish signing up" }).first();
  // The email is written just after the answer (its step may still hold the request): look again until it is there.
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const link = await mail.getByRole("link").first().getAttribute("href");
  expect(link).toMatch(/\/signup\/[A-Za-z0-9_-]{43}$/);
  const response = await page.goto(link!, { waitUntil: "networkidle" });
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  return link!;
}

async function fillSignup(page: Page, values: { name: string; email: string; orgName?: string }) {
  await page.getByLabel("Your name").fill(values.name);
  await page.getByLabel("Work email").fill(values.email);
  await page.getByLabel("Password").fill(PASSWORD);
  if (values.orgName) await page.getByLabel("Organization name").fill(values.orgName);
}

test("sign up from the login page, finish from the mailbox, and invite a person as the new tenant's Admin", async ({ page }) => {
  const email = `founder-${Date.now()}@initrode.test`;
  await page.goto("/login");
  await page.getByRole("link", { name: "Create an organization" }).click();
  await page.waitForLoadState("networkidle");
  await fillSignup(page, { name: "Peter Gibbons", email, orgName: "Initrode Heating" });
  await page.screenshot({ path: "e2e/screenshots/signup.png" });
  await page.getByRole("button", { name: "Create my organization" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email to finish signing up.");

  // A registered address gets the very same answer.
  await page.goto("/signup", { waitUntil: "networkidle" });
  await fillSignup(page, { name: "Alice Again", email: "admin@acme.test", orgName: "Second Acme" });
  await page.getByRole("button", { name: "Create my organization" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email to finish signing up.");

  const link = await followSignupLink(page, email);
  await expect(page.getByText(`You are creating Initrode Heating with ${email} as its Admin.`)).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/signup-finish.png" });
  await page.getByRole("button", { name: "Create Initrode Heating" }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Initrode Heating" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Account menu for Peter Gibbons/ })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users", exact: true }).click();
  // The overview has an Invite user of its own: wait for the users page before asking for it.
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.locator("[data-hydrated]")).toBeVisible();
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Name").fill("Michael Bolton");
  await dialog.getByLabel("Email").fill(`michael-${Date.now()}@initrode.test`);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(/Invitation sent to michael-/)).toBeVisible();

  // The link was used up.
  await page.goto(link, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "This sign-up link cannot be used" })).toBeVisible();
});

test("the join link of a business tenant: the verified person lands in its console", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `joanna-${Date.now()}@chotchkies.test`;
  await page.goto("/join/initech", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "Join Initech Climate" })).toBeVisible();
  await expect(page.getByLabel("Organization name")).toHaveCount(0);
  await fillSignup(page, { name: "Joanna Smith", email });
  await page.screenshot({ path: "e2e/screenshots/join.png" });
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email to finish signing up.");

  await followSignupLink(page, email);
  await expect(page.getByText(`You are joining Initech Climate as ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Join Initech Climate" }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("button", { name: /Account menu for Joanna Smith/ })).toBeVisible();

  // Unknown handles and links that are off look the same.
  await page.context().clearCookies();
  await page.goto("/join/no-such-tenant", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "This sign-up link is not available." })).toBeVisible();
  await context.close();
});
