// The header's one "where am I" line, the org head counts named the same everywhere, and a free
// plan that is not offered sub-org affordances (issue 20, items 9, 14 and 15).
import { expect, test, type Browser } from "@playwright/test";
import { openFromNav } from "./helpers";
import { storageStatePath } from "./personas";

async function as(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: storageStatePath(email), viewport: { width: 1440, height: 900 } });
  return { context, page: await context.newPage() };
}

test("the header names the org once at the root, and the trail from the root down in a sub-org", async ({ browser }) => {
  const { context, page } = await as(browser, "admin@acme.test");
  await openFromNav(page, "Users");
  const trail = page.getByRole("navigation", { name: "Organization" });
  await expect(trail).toHaveText("Acme Heating");
  // Once on the whole page: not again beside the title.
  await expect(page.getByText("Acme Heating", { exact: true })).toHaveCount(1);
  await page.screenshot({ path: "e2e/screenshots/header-root.png" });

  await page.getByRole("button", { name: /Switch organization/ }).click();
  // Hill Cottage and United Heaters: orgs no other spec of this project adds people to.
  await expect(page.getByRole("option", { name: /Hill Cottage/ })).toContainText(/1 member$/);
  await expect(page.getByRole("option", { name: /United Heaters Inc\./ })).toContainText(/0 members$/);
  await page.getByRole("combobox", { name: "Search organizations" }).fill("marsh");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-org")).toHaveText("Marsh Residence");
  await expect(trail).toHaveText(/^Acme Heating\s*›\s*United Heaters Inc\.\s*›\s*Marsh Residence$/);
  await page.screenshot({ path: "e2e/screenshots/header-trail.png" });

  // An org of the trail leads to the same page there.
  await trail.getByRole("link", { name: "United Heaters Inc." }).click();
  await expect(page.getByTestId("current-org")).toHaveText("United Heaters Inc.");
  await expect(page).toHaveURL(/\/users$/);
  await context.close();
});

test("a sub-org member's header starts at their own org", async ({ browser }) => {
  const { context, page } = await as(browser, "m@united.test");
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Organization" })).toHaveText("Marsh Residence");
  await expect(page.getByRole("banner")).not.toContainText("Acme Heating");
  await context.close();
});

test("the organizations table labels an org's own members and the figure including its sub-orgs", async ({ browser }) => {
  const { context, page } = await as(browser, "admin@acme.test");
  await openFromNav(page, "Organizations");
  await expect(page.getByRole("columnheader", { name: "Members" })).toBeVisible();
  const united = page.locator("tbody tr").filter({ hasText: "United Heaters Inc." });
  await expect(united.getByRole("cell").nth(2)).toHaveText(/^0\s*2 incl\. sub-orgs$/);
  const hill = page.locator("tbody tr").filter({ hasText: "Hill Cottage" });
  await expect(hill.getByRole("cell").nth(2)).toHaveText("1");
  await page.screenshot({ path: "e2e/screenshots/organizations-counts.png" });
  await context.close();
});

test("on the free plan, no org switcher and no All in reach", async ({ browser }) => {
  const { context, page } = await as(browser, "admin@globex.test");
  await openFromNav(page, "Users");
  await expect(page.getByTestId("current-org")).toHaveText("Globex");
  await expect(page.getByRole("button", { name: /Switch organization/ })).toHaveCount(0);
  const scope = page.getByRole("group", { name: "Scope" });
  await expect(scope.getByRole("button", { name: "This organization" })).toBeVisible();
  await expect(scope.getByRole("button", { name: "All in reach" })).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/free-plan-users.png" });
  await context.close();
});
