import { expect, test } from "@playwright/test";
import { closedInstallURL } from "../playwright.config";

// A second server: a production install with sign-up closed and no tenant yet (playwright.config.ts).
test.use({ baseURL: closedInstallURL });

test("an empty install's first page says how to create the first organization, and nothing else", async ({ page }) => {
  await page.goto("/", { waitUntil: "networkidle" });
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Create the first organization" })).toBeVisible();
  await expect(page.locator("pre")).toHaveText(/^npm run roster -- tenant create \\\s+--name "Your company" --plan pro \\\s+--admin-email you@example.com$/);
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Create an organization" })).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/first-run.png" });
});

test("closed sign-up says so and offers no form", async ({ page }) => {
  await page.goto("/signup", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "Sign-up is closed" })).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/signup-closed.png" });
});
