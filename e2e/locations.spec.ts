import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./personas";

test.use({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1440, height: 900 } });

const NAME = "Warehouse Berlin";
const bulk = (page: Page) => page.getByRole("region", { name: "Bulk actions" });

async function orgOf(page: Page): Promise<string> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

async function filterByLocation(page: Page) {
  await page.getByRole("button", { name: /^Filter by location/ }).click();
  await page.getByRole("checkbox", { name: NAME, exact: true }).check();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/[?&]loc=[0-9a-f-]{36}/);
}

async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `e2e/screenshots/${name}-390.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("create a location, give it to two people in bulk and to a new device, filter both tables by it, then delete it", async ({ page }) => {
  const org = await orgOf(page);

  // Settings → Locations: add one with an address and a map pin.
  await page.goto(`/o/${org}/settings/locations`, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Locations" })).toBeVisible();
  await page.getByRole("button", { name: "Add location" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(NAME);
  await dialog.getByLabel("Address (optional)").fill("Lagerstraße 1, 10115 Berlin");
  await dialog.getByLabel("Latitude").fill("52.52");
  await dialog.getByLabel("Longitude").fill("200");
  await dialog.getByRole("button", { name: "Add location" }).click();
  await expect(dialog.getByText("Longitude is between −180 and 180.")).toBeVisible();
  await dialog.getByLabel("Longitude").fill("13.405");
  await dialog.getByRole("button", { name: "Add location" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: NAME, exact: true })).toBeVisible();

  // Users table: two people at once, from the bulk bar.
  await page.goto(`/o/${org}/users?q=customer1`, { waitUntil: "networkidle" });
  for (const name of ["Customer 11", "Customer 12"]) await page.getByRole("checkbox", { name: `Select ${name}` }).check({ force: true });
  await bulk(page).getByRole("button", { name: "Set location" }).click();
  await page.getByRole("dialog").getByLabel("Location").selectOption({ label: NAME });
  await page.getByRole("dialog").getByRole("button", { name: "Set location" }).click();
  await expect(page.getByText(`2 moved to ${NAME}`)).toBeVisible();

  await page.goto(`/o/${org}/users`, { waitUntil: "networkidle" });
  await filterByLocation(page);
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator("tbody")).toContainText("Customer 11");
  await expect(page.locator("tbody")).toContainText("Customer 12");

  // Devices: Add device with the location, then the devices table filtered by it.
  await page.goto(`/o/${org}/devices`, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Add device" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Gateway 7");
  await page.getByRole("dialog").getByLabel("Location (optional)").selectOption({ label: NAME });
  await page.getByRole("dialog").getByRole("button", { name: "Add device" }).click();
  await expect(page.getByText("Gateway 7 added")).toBeVisible();
  await filterByLocation(page);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody")).toContainText("Gateway 7");

  // The list and the profile: its people (linked to their profiles) and its devices.
  await page.goto(`/o/${org}/settings/locations`, { waitUntil: "networkidle" });
  const row = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: NAME, exact: true }) });
  await expect(row).toContainText("Lagerstraße 1");
  await screenshots(page, "locations-list");
  await page.getByRole("link", { name: NAME, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByRole("region", { name: "People" }).getByRole("link", { name: "Customer 11" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Devices" })).toContainText("Gateway 7");
  await screenshots(page, "location-profile");

  // Deleting it asks for the typed DELETE (people and a device are there) and leaves them in place.
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText("2 people and 1 device are at");
  await expect(page.getByRole("button", { name: "Delete location" })).toBeDisabled();
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete location" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org}/settings/locations$`));
  await expect(page.getByRole("link", { name: NAME, exact: true })).toHaveCount(0);
  await page.goto(`/o/${org}/users?q=customer11`, { waitUntil: "networkidle" });
  await expect(page.locator("tbody tr")).toHaveCount(1);
});

test("an unknown location id is a 404 inside the console frame", async ({ page }) => {
  const org = await orgOf(page);
  await page.goto(`/o/${org}/settings/locations/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});
