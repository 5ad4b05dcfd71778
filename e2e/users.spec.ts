import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./personas";

test.use({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1400, height: 900 } });

async function openUsers(page: Page, query = "") {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  if (query) await page.goto(`${page.url()}?${query}`);
  await page.waitForLoadState("networkidle");
}

const column = (page: Page, index: number) => page.locator("tbody tr").locator(`td:nth-child(${index})`);

test("the users page with the demo data", async ({ page }) => {
  await openUsers(page, "scope=reach");
  await expect(page.locator("tbody tr")).toHaveCount(7);
  await page.screenshot({ path: "e2e/screenshots/users-page.png", fullPage: true });
});
