import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeProblems } from "./axe";
import { openFromNav } from "./helpers";
import { storageStatePath } from "./personas";

// Acme's root goes to Tokyo time and back: users.spec reads its CSV headers in UTC.
const ADMIN = storageStatePath("admin@acme.test");
test.use({ storageState: ADMIN });

async function openOrgSettings(page: Page) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organization" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Organization" })).toHaveAttribute("aria-current", "page");
}

/** Opens the time zone picker, once the page has come to life. */
async function openPicker(page: Page) {
  const search = page.getByRole("combobox", { name: "Search time zones" });
  await expect(async () => {
    await page.getByRole("region", { name: "General" }).getByRole("button", { name: /^Time zone/ }).click();
    await expect(search).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return search;
}

/** Picks a zone by searching the picker, then saves the General form. */
async function setTimeZone(page: Page, search: string, zone: string) {
  const general = page.getByRole("region", { name: "General" });
  await (await openPicker(page)).fill(search);
  await page.getByRole("option", { name: new RegExp(`^${zone}`) }).first().click();
  await general.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organization settings saved")).toBeVisible();
}

async function restoreUtc(browser: Browser) {
  const context = await browser.newContext({ storageState: ADMIN });
  const page = await context.newPage();
  await openOrgSettings(page);
  if (!(await page.getByRole("button", { name: "Time zone: UTC, UTC+00:00" }).isVisible())) await setTimeZone(page, "utc", "UTC");
  await context.close();
}

test.afterAll(async ({ browser }) => restoreUtc(browser));

test("the root's Admin sets its time zone to Tokyo; the users CSV then carries +09:00", async ({ page }) => {
  await openOrgSettings(page);
  const general = page.getByRole("region", { name: "General" });
  await expect(general.getByLabel("Name")).toHaveValue("Acme Heating");
  await expect(general.getByRole("button", { name: "Time zone: UTC, UTC+00:00" })).toBeVisible();

  // The keyboard way through the picker: type, Enter.
  const search = await openPicker(page);
  await expect(search).toBeFocused();
  await search.fill("tokyo");
  await expect(page.getByRole("option")).toHaveText(["Asia/TokyoUTC+09:00"]);
  await page.screenshot({ path: "e2e/screenshots/org-settings-time-zone-picker.png" });
  expect(await axeProblems(page)).toEqual([]);
  await search.press("Enter");
  await expect(general.getByRole("button", { name: "Time zone: Asia/Tokyo, UTC+09:00" })).toBeFocused();
  await general.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organization settings saved")).toBeVisible();
  await page.reload();
  await expect(general.getByRole("button", { name: "Time zone: Asia/Tokyo, UTC+09:00" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/org-settings.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "e2e/screenshots/org-settings-dark.png" });
  await page.emulateMedia({ colorScheme: "light" });

  await openFromNav(page, "Users");
  await page.goto(`${page.url()}?q=staff%40acme.test`);
  await expect(page.locator("[data-hydrated]")).toBeVisible();
  await page.getByRole("checkbox", { name: "Select Sam Stone" }).check({ force: true });
  const download = page.waitForEvent("download");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Export CSV" }).click();
  const text = (await (await (await download).createReadStream()).toArray()).join("").replace(/^\uFEFF/, "");
  const [header, row] = text.trim().split(/\r?\n/);
  expect(header).toBe("Name,Email,Organization,Role,Status,Last login (Asia/Tokyo),Registered (Asia/Tokyo),Tags,Locations");
  const dates = row!.split(",").slice(5, 7);
  for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);

  await openOrgSettings(page);
  await setTimeZone(page, "utc", "UTC");
  await expect(page.getByRole("region", { name: "General" }).getByRole("button", { name: "Time zone: UTC, UTC+00:00" })).toBeVisible();
});

test("the settings page on a phone: tabs scroll inside themselves, the page never sideways", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ADMIN, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog", { name: "Roster" }).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organization" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "e2e/screenshots/org-settings-phone.png", fullPage: true });
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles and permissions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Roles and permissions" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles and permissions" })).toHaveAttribute("aria-current", "page");
  await context.close();
});
