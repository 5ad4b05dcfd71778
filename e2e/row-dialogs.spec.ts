import { expect, test, type Locator, type Page } from "@playwright/test";
import { openFromNav } from "./helpers";
import { storageStatePath } from "./personas";

// Row menus, the dialogs they open and the toasts they end in, as the Acme admin. Every change
// made here is undone here (suspend → reactivate, invite → revoke): the other specs count rows.
test.use({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1440, height: 900 } });

async function usersPage(page: Page, query: string) {
  await openFromNav(page, "Users");
  await page.goto(`${new URL(page.url()).pathname}?${query}`);
  await ready(page);
}

async function ready(page: Page) {
  await expect(page.locator("[data-hydrated]")).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

const rowOf = (page: Page, name: string) => page.locator("tbody tr").filter({ has: page.getByRole("link", { name, exact: true }) });
const menuOf = (page: Page, name: string) => page.getByRole("button", { name: `Actions for ${name}` });
const toast = (page: Page) => page.locator("[data-sonner-toast]");

/** The element a click at the centre of `target` would land on is `target` (or inside it). */
async function clickLandsOn(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !!hit && el.contains(hit);
  });
}

test("a dialog opened from a row menu hands focus back to that row's menu button", async ({ page }) => {
  await usersPage(page, "q=customer32");
  const menu = menuOf(page, "Customer 32");
  await menu.click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  await expect(page.getByRole("dialog", { name: "Edit Customer 32" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(menu).toBeFocused();

  // By keyboard alone, closed with Cancel.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("Enter");
  const edit = page.getByRole("dialog", { name: "Edit Customer 32" });
  await edit.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(menu).toBeFocused();

  // The same in the other tables' row menus (one Dialog component does it for all).
  await openFromNav(page, "Organizations");
  await menuOf(page, "Muller Boiler Group").click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menuOf(page, "Muller Boiler Group")).toBeFocused();

  await openFromNav(page, "Devices");
  await page.getByRole("button", { name: "All in reach" }).click();
  await menuOf(page, "Boiler").click();
  await page.getByRole("menuitem", { name: "Transfer" }).click();
  await page.getByRole("dialog", { name: "Transfer Boiler" }).getByRole("button", { name: "Cancel" }).click();
  await expect(menuOf(page, "Boiler")).toBeFocused();
});

test("the first Tab stop skips to the main content", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const skip = page.getByRole("link", { name: "Skip to main content" });
  // Off screen until focused.
  const hidden = (await skip.boundingBox())!;
  expect(hidden.y + hidden.height).toBeLessThanOrEqual(0);
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect(await clickLandsOn(skip)).toBe(true);
  await page.screenshot({ path: "e2e/screenshots/skip-link.png", clip: { x: 0, y: 0, width: 480, height: 160 } });
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("Suspend from a row menu asks first; Cancel changes nothing; the result names the person", async ({ page }) => {
  await usersPage(page, "q=customer42");
  const row = rowOf(page, "Customer 42");
  await expect(row).toContainText("Active");
  await menuOf(page, "Customer 42").click();
  await page.getByRole("menuitem", { name: "Suspend" }).click();
  const dialog = page.getByRole("dialog", { name: "Suspend Customer 42?" });
  await expect(dialog).toContainText("cannot log in until someone reactivates them");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(menuOf(page, "Customer 42")).toBeFocused();
  await page.reload();
  await ready(page);
  await expect(row).toContainText("Active");

  await menuOf(page, "Customer 42").click();
  await page.getByRole("menuitem", { name: "Suspend" }).click();
  await page.screenshot({ path: "e2e/screenshots/users-suspend-confirm.png" });
  await dialog.getByRole("button", { name: "Suspend" }).click();
  await expect(toast(page)).toHaveText("Customer 42 suspended");
  await expect(row).toContainText("Suspended");
  await expect(menuOf(page, "Customer 42")).toBeFocused();

  // Reactivating stays immediate, and reads as single-row too.
  await menuOf(page, "Customer 42").click();
  await page.getByRole("menuitem", { name: "Reactivate" }).click();
  await expect(toast(page).filter({ hasText: "Customer 42 reactivated" })).toBeVisible();
  await expect(row).toContainText("Active");
});

test("on a user's profile Suspend asks first as well", async ({ page }) => {
  await usersPage(page, "q=customer47");
  await page.getByRole("link", { name: "Customer 47", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Customer 47", level: 1 })).toBeVisible();
  const menu = menuOf(page, "Customer 47");
  await menu.click();
  await page.getByRole("menuitem", { name: "Suspend" }).click();
  const dialog = page.getByRole("dialog", { name: "Suspend Customer 47?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(menu).toBeFocused();
  await expect(toast(page)).toHaveCount(0);
  // Read again from the server: still active, so the menu still offers Suspend.
  await page.reload();
  await menu.click();
  await page.getByRole("menuitem", { name: "Suspend" }).click();
  await dialog.getByRole("button", { name: "Suspend" }).click();
  await expect(toast(page)).toHaveText("Customer 47 suspended");
  await expect(dialog).toHaveCount(0);
  await menu.click();
  await page.getByRole("menuitem", { name: "Reactivate" }).click();
  await expect(toast(page).filter({ hasText: "Customer 47 reactivated" })).toBeVisible();
});

test("bulk Suspend asks first, and Cancel leaves everyone as they were", async ({ page }) => {
  await usersPage(page, "q=customer4");
  for (const name of ["Customer 42", "Customer 43"]) await page.getByRole("checkbox", { name: `Select ${name}` }).check({ force: true });
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Suspend" }).click();
  const dialog = page.getByRole("dialog", { name: "Suspend 2 users?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toast(page)).toHaveCount(0);
  await page.reload();
  await ready(page);
  for (const name of ["Customer 42", "Customer 43"]) await expect(rowOf(page, name)).toContainText("Active");
});

test("Revoke invitation asks first, and the result names the address", async ({ page }) => {
  await usersPage(page, "q=rory");
  await page.getByRole("button", { name: "Invite user" }).click();
  const invite = page.getByRole("dialog", { name: "Invite user" });
  await invite.getByLabel("Name").fill("Rory Revoked");
  await invite.getByLabel("Email").fill("rory@acme.test");
  await invite.getByLabel("Role").selectOption("user");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(rowOf(page, "Rory Revoked")).toContainText("Pending");

  await menuOf(page, "Rory Revoked").click();
  await page.getByRole("menuitem", { name: "Revoke invitation" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke the invitation to rory@acme.test?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await ready(page);
  await expect(rowOf(page, "Rory Revoked")).toContainText("Pending");
  await menuOf(page, "Rory Revoked").click();
  await page.getByRole("menuitem", { name: "Revoke invitation" }).click();
  await dialog.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(toast(page).filter({ hasText: "Invitation to rory@acme.test revoked" })).toBeVisible();
  await expect(rowOf(page, "Rory Revoked")).toHaveCount(0);
  // The row's menu button went with the row: the main content holds focus, not <body>.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
});

test("a toast never stands over the bulk bar, lets clicks through and goes on its own while hovered", async ({ page }) => {
  await usersPage(page, "q=customer2");
  for (const name of ["Customer 25", "Customer 26"]) await page.getByRole("checkbox", { name: `Select ${name}` }).check({ force: true });
  const bar = page.getByRole("region", { name: "Bulk actions" });
  const download = page.waitForEvent("download");
  await bar.getByRole("button", { name: "Export CSV" }).click();
  await download;
  await expect(toast(page)).toHaveText("Your CSV download has started");

  for (const name of ["Export CSV", "Delete"]) expect(await clickLandsOn(bar.getByRole("button", { name })), name).toBe(true);
  // Whatever lies under the toast gets the click, not the toast.
  expect(await toast(page).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
  })).toBe(false);
  await page.screenshot({ path: "e2e/screenshots/toast-and-bulk-bar.png" });

  // A real click while the toast shows, with the pointer resting on the toast meanwhile.
  await bar.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog", { name: "Are you sure you want to delete 2 users?" })).toBeVisible();
  await page.keyboard.press("Escape");
  await toast(page).hover({ force: true });
  await expect(toast(page)).toHaveCount(0, { timeout: 9_000 });
});
