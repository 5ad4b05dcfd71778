import { expect, test } from "@playwright/test";
import { openFromNav, openSettings } from "./helpers";
import { storageStatePath } from "./personas";

test.use({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1400, height: 900 } });

test("switch to Muller Boiler Group and back", async ({ page }) => {
  await openFromNav(page, "Users");
  await page.getByRole("button", { name: /Switch organization/ }).click();
  await page.getByRole("combobox", { name: "Search organizations" }).fill("mull");
  await expect(page.getByRole("option", { name: /Muller Boiler Group/ })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/org-switcher.png" });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-org")).toHaveText("Muller Boiler Group");
  await expect(page).toHaveURL(/\/users$/);
  await page.getByRole("button", { name: /Switch organization/ }).click();
  await page.getByRole("button", { name: "← Back to Acme Heating" }).click();
  await expect(page.getByTestId("current-org")).toHaveText("Acme Heating");
});

test("an org that still holds people offers Delete disabled, saying what blocks it before any typing", async ({ page }) => {
  await openFromNav(page, "Organizations");
  await page.getByRole("button", { name: "Actions for Muller Boiler Group" }).click();
  const remove = page.getByRole("menuitem", { name: "Delete" });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription(/^Muller Boiler Group still has \d+ users, \d+ devices; move or delete them first\.$/);
  await remove.click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await remove.hover();
  await page.screenshot({ path: "e2e/screenshots/organizations-delete-blocked.png" });
});

test("create a sub-organization under United Heaters with an invited Admin, then find it in the switcher", async ({ page }) => {
  await openFromNav(page, "Organizations");
  await page.getByRole("button", { name: "Actions for United Heaters Inc." }).click();
  await page.getByRole("menuitem", { name: "Add sub-organization" }).click();
  const dialog = page.getByRole("dialog", { name: "New sub-organization of United Heaters Inc." });
  await dialog.getByLabel("Name").fill("Baker Street Flats");
  await dialog.getByRole("button", { name: "Next" }).click();
  await dialog.getByLabel("Admin 1 name").fill("Bea Baker");
  await dialog.getByLabel("Admin 1 email").fill("bea@baker.test");
  await dialog.getByRole("button", { name: "Create and send invitations" }).click();
  await expect(page.getByText("Baker Street Flats created; invitations sent")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Baker Street Flats", exact: true })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/organizations.png", fullPage: true });

  // A branch folds and opens again.
  const branch = page.getByRole("button", { name: "Sub-organizations of United Heaters Inc." });
  await expect(branch).toHaveAttribute("aria-expanded", "true");
  await branch.click();
  await expect(branch).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("cell", { name: "Baker Street Flats", exact: true })).toBeHidden();
  await expect(page.getByText("Showing 3 of 6 organizations")).toBeVisible();
  await branch.press("Enter");
  await expect(page.getByRole("cell", { name: "Baker Street Flats", exact: true })).toBeVisible();
  await expect(page.getByText("6 organizations", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: /Switch organization/ }).click();
  await page.getByRole("combobox", { name: "Search organizations" }).fill("baker");
  await expect(page.getByRole("option", { name: /Baker Street Flats/ })).toContainText("1 member");
});

test("give Users their own devices with the preset, push to sub-orgs, and see it in the audit log", async ({ page }) => {
  await openSettings(page, "Roles and permissions");
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Let Users see their own devices" }).click();
  await expect(page.getByRole("checkbox", { name: "User: View own devices" })).toBeChecked();
  await page.getByRole("button", { name: "Apply" }).click();
  const dialog = page.getByRole("dialog", { name: "Apply the new permissions" });
  await dialog.getByLabel(/only the permissions changed here/).check();
  await expect(dialog.getByRole("button", { name: "Apply" })).toBeDisabled();
  await dialog.getByLabel("Type APPLY to confirm").fill("APPLY");
  await dialog.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Permissions saved and pushed to every sub-organization")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/roles.png", fullPage: true });

  await openFromNav(page, "Audit log");
  await expect(page.getByRole("cell", { name: "Role grants changed" }).first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/audit-log.png", fullPage: true });
});

test("transfer a device to r@muller.test", async ({ page }) => {
  await openFromNav(page, "Devices");
  await page.getByRole("button", { name: "All in reach" }).click();
  await expect(page.getByRole("button", { name: "Actions for Boiler" })).toBeVisible();
  await page.getByRole("button", { name: "Actions for Boiler" }).click();
  await page.getByRole("menuitem", { name: "Transfer" }).click();
  const dialog = page.getByRole("dialog", { name: "Transfer Boiler" });
  // People are found on the server as you type; the current owner, Walter, is never offered.
  await dialog.getByLabel("Find new owner").fill("muller");
  await expect(dialog.getByLabel("New owner", { exact: true }).locator("option")).toHaveText(["Choose a person", "Rita Muller (r@muller.test)"]);
  await dialog.getByLabel("Find new owner").fill("nobody-like-this");
  await expect(dialog.getByText("Nobody here matches.")).toBeVisible();
  await dialog.getByLabel("Find new owner").fill("r@m");
  await dialog.getByLabel("New owner", { exact: true }).selectOption({ label: "Rita Muller (r@muller.test)" });
  await dialog.getByRole("button", { name: "Transfer" }).click();
  await expect(page.getByText("Boiler transferred to Rita Muller")).toBeVisible();
  await expect(page.getByRole("row").filter({ has: page.getByRole("button", { name: "Actions for Boiler" }) })).toContainText("Rita Muller");
  await page.screenshot({ path: "e2e/screenshots/devices.png", fullPage: true });
});
