import { expect, test } from "@playwright/test";
import { acceptInvitation, openFromNav } from "./helpers";
import { storageStatePath } from "./personas";

test("admin@acme.test turns developer mode off", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin@acme.test") });
  const page = await context.newPage();
  await page.goto("/profile", { waitUntil: "networkidle" });
  const toggle = page.getByRole("switch", { name: "Developer mode" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await page.screenshot({ path: "e2e/screenshots/profile.png", fullPage: true });
  await context.close();
});

test("on free Globex a second Admin waits for the first to hand developer mode over", async ({ browser }) => {
  const gil = await browser.newContext({ storageState: storageStatePath("admin@globex.test") });
  const gilPage = await gil.newPage();
  await openFromNav(gilPage, "Users");
  await gilPage.getByRole("button", { name: "Invite user" }).click();
  const dialog = gilPage.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Name").fill("Olga Orr");
  await dialog.getByLabel("Email").fill("olga@globex.test");
  await dialog.getByLabel("Role").selectOption("admin");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(gilPage.getByText("Invitation sent to olga@globex.test")).toBeVisible();

  const { context: olga, page: olgaPage } = await acceptInvitation(browser, "olga@globex.test", "olga's own long password");
  await olgaPage.goto("/profile", { waitUntil: "networkidle" });
  const olgaToggle = olgaPage.getByRole("switch", { name: "Developer mode" });
  await expect(olgaToggle).toBeDisabled();
  await expect(olgaPage.getByText("Developer mode is held by Gil Bates")).toBeVisible();

  await gilPage.goto("/profile", { waitUntil: "networkidle" });
  await gilPage.getByRole("switch", { name: "Developer mode" }).click();
  await expect(gilPage.getByRole("switch", { name: "Developer mode" })).toHaveAttribute("aria-checked", "false");

  await olgaPage.reload({ waitUntil: "networkidle" });
  await expect(olgaToggle).toBeEnabled();
  await olgaToggle.click();
  await expect(olgaToggle).toHaveAttribute("aria-checked", "true");
  await gilPage.reload({ waitUntil: "networkidle" });
  await expect(gilPage.getByText("Developer mode is held by Olga Orr")).toBeVisible();
  await gil.close();
  await olga.close();
});
