// Issue 20 item 22: the overview of people who manage users is a dashboard; each figure opens
// the list it counts, filtered in the URL, showing the same number.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./personas";

test("Acme's Admin sees what needs attention, and each figure opens the list it counts", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto("/");
  const overview = page.url();
  const attention = page.getByRole("region", { name: "Needs attention" });
  await expect(attention).toContainText("Acme Heating incl. its 4 sub-organizations");
  const figure = async (label: string) => (await attention.getByRole("link", { name: new RegExp(`^${label}: `) }).getAttribute("aria-label"))!.split(": ")[1]!;
  const pending = await figure("Pending invitations");
  expect(Number(pending)).toBeGreaterThan(0);
  await expect(page.getByRole("region", { name: "Recent activity" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Invite user" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add device" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/overview-dashboard.png", fullPage: true });

  await attention.getByRole("link", { name: /^Pending invitations: / }).click();
  await expect(page).toHaveURL(/\/users\?status=pending&scope=reach$/);
  await expect(page.getByText(new RegExp(`of ${pending} users?$`))).toBeVisible();
  await expect(page.getByRole("button", { name: "All in reach" })).toHaveAttribute("aria-pressed", "true");

  await page.goto(overview);
  const unowned = await figure("Devices without owner");
  await attention.getByRole("link", { name: /^Devices without owner: / }).click();
  await expect(page).toHaveURL(/\/devices\?scope=reach&noowner=true$/);
  await expect(page.getByRole("button", { name: "Without owner" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(new RegExp(`^${unowned} devices? ·`))).toBeVisible();

  await page.goto(overview);
  await page.getByRole("link", { name: "Open the audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  // The shortcut opens the users page's own invitation dialog, here.
  await page.goto(overview);
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite user" });
  await expect(dialog.getByLabel("Role")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await context.close();
});

test("someone who may not see users keeps the plain overview: what they can do, no shortcuts", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("r@muller.test") });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "What you can do here" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Needs attention" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Invite user" })).toHaveCount(0);
  await context.close();
});
