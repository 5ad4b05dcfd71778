import { expect, test, type Page } from "@playwright/test";
import { openFromNav } from "./helpers";
import { storageStatePath } from "./personas";

/** The devices table has hydrated and no navigation is pending. */
async function ready(page: Page) {
  await expect(page.locator("[data-hydrated]")).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

/** The page as it is, at the console's desktop width and a phone's; back to desktop after. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `e2e/screenshots/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe("as admin@acme.test", () => {
  test.use({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1440, height: 900 } });

  test("open a device's profile from the table, edit it, read the edit in its Actions log, and delete it from the bulk bar", async ({ page }) => {
    await openFromNav(page, "Devices");
    await ready(page);
    // A device of its own, so the other specs' devices stay as they are.
    await page.getByRole("button", { name: "Add device" }).click();
    const add = page.getByRole("dialog", { name: "Add device" });
    await add.getByLabel("Name").fill("Lobby Sensor");
    await add.getByLabel("Model (optional)").fill("LS-1");
    await add.getByLabel("Find owner").fill("staff@");
    await add.getByLabel("Owner (optional)", { exact: true }).selectOption({ label: "Sam Stone (staff@acme.test)" });
    await add.getByRole("button", { name: "Add device" }).click();
    await expect(page.getByText("Lobby Sensor added")).toBeVisible();

    await page.getByRole("link", { name: "Lobby Sensor" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lobby Sensor" })).toBeVisible();
    const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
    await expect(header).toContainText("LS-1 · Acme Heating");
    // The Admin may see people: the owner is a link to their profile.
    await expect(header.getByRole("link", { name: "Sam Stone" })).toHaveAttribute("href", /\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("link", { name: "Information" })).toHaveAttribute("aria-current", "page");

    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Lobby Sensor" });
    await edit.getByLabel("Name").fill("Lobby Sensor West");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Lobby Sensor West saved")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Lobby Sensor West" })).toBeVisible();
    await shoot(page, "device-profile");

    await page.getByRole("link", { name: "Actions log" }).click();
    const log = page.getByRole("list").filter({ hasText: "Device edited" });
    await expect(log.getByRole("listitem").first()).toContainText("Device edited · Lobby Sensor West by Alice Adams");
    await expect(log.getByRole("listitem").first()).toContainText("Name changed from Lobby Sensor to Lobby Sensor West");
    await shoot(page, "device-profile-log");

    // Back in the table: tick it and delete it from the bulk bar.
    await page.getByRole("link", { name: "← Devices" }).click();
    await ready(page);
    await page.getByRole("checkbox", { name: "Select Lobby Sensor West" }).check();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await expect(bar.getByTestId("selection-count")).toHaveText(/^1 selected of \d+$/);
    await shoot(page, "devices-selected");
    await bar.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog", { name: "Are you sure you want to delete 1 device?" });
    await confirm.getByLabel("Type DELETE to confirm").fill("DELETE");
    await confirm.getByRole("button", { name: "Delete 1 device" }).click();
    await expect(page.getByText("Lobby Sensor West deleted")).toBeVisible();
    await expect(page.getByRole("link", { name: "Lobby Sensor West" })).toHaveCount(0);
  });

  test("a device of another tenant, or a made-up id, is the same 404", async ({ page, browser }) => {
    const globex = await browser.newContext({ storageState: storageStatePath("admin@globex.test") });
    const theirs = await globex.newPage();
    await openFromNav(theirs, "Devices");
    const foreign = (await theirs.getByRole("link", { name: "Water Heater" }).getAttribute("href"))!.split("/").pop()!;
    await globex.close();
    await openFromNav(page, "Devices");
    const devices = new URL(page.url()).pathname;
    for (const id of [foreign, "00000000-0000-4000-8000-000000000000", "not-a-device"]) {
      const response = await page.goto(`${devices}/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });
});

test("m@united.test opens their own device's profile and is offered no admin actions", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("m@united.test"), viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await openFromNav(page, "My devices");
  await ready(page);
  // No bulk action for them: no tick boxes.
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await page.getByRole("link", { name: "Pool Heater" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pool Heater" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /More actions/ })).toHaveCount(0);
  // They may not see people: their own name is plain text, not a link.
  const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(header.getByRole("link")).toHaveCount(0);
  await page.getByRole("link", { name: "Actions log" }).click();
  await expect(page.getByRole("link", { name: "Actions log" })).toHaveAttribute("aria-current", "page");
  // Back to the list by the name their menu gives it.
  await page.getByRole("link", { name: "← My devices" }).click();
  await expect(page.getByRole("heading", { name: "My devices" })).toBeVisible();
  await context.close();
});
