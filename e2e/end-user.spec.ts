import { expect, test } from "@playwright/test";
import { storageStatePath } from "./personas";

test("m@united.test sees only the Pool Heater under My devices, and nothing else", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("m@united.test") });
  const page = await context.newPage();
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  // Settings holds only Locations for them: whoever sees devices sees where they are (product.md §1).
  await expect(nav.getByRole("link")).toHaveText(["Overview", "My devices", "Settings"]);
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("href", /\/settings\/locations$/);
  await nav.getByRole("link", { name: "My devices" }).click();
  await expect(page.getByRole("heading", { name: "My devices" })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody")).toContainText("Pool Heater");
  await expect(page.getByRole("button", { name: "Add device" })).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/end-user-devices.png", fullPage: true });

  const own = new URL(page.url()).pathname.split("/")[2]!;
  for (const path of [`/o/${own}/users`, `/o/${own}/organizations`, `/o/${own}/audit`, `/o/${own}/settings`, `/o/${own}/settings/roles`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await context.close();

  // Another org's URL is a 404, whatever the page.
  const admin = await browser.newContext({ storageState: storageStatePath("admin@acme.test") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/");
  const acme = new URL(adminPage.url()).pathname;
  await admin.close();
  const again = await browser.newContext({ storageState: storageStatePath("m@united.test") });
  const response = await (await again.newPage()).goto(`${acme}/devices`);
  expect(response?.status()).toBe(404);
  await again.close();
});

test("user@acme.test, with no grants, is told what is missing and who can grant it", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("user@acme.test") });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /You don.t have access to anything here yet/ })).toBeVisible();
  await expect(page.getByText(/Alice Adams/)).toBeVisible();
  const org = new URL(page.url()).pathname;
  await page.goto(`${org}/devices`);
  await expect(page.getByRole("heading", { name: "No devices to show" })).toBeVisible();
  await expect(page.getByText(/View own devices/)).toBeVisible();
  await context.close();
});
