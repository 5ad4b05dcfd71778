import { expect, test, type Page } from "@playwright/test";
import { openFromNav } from "./helpers";
import { storageStatePath } from "./personas";

// Send Device Log (issue 21), as the Acme admin: a device of Rita's gets an entry in its log,
// the log is sent from her row's menu, and the dev mailbox holds the mail to the admin with the
// CSV as a download. The limit of 10 an hour is then reached and said in the dialog.
test.use({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1440, height: 900 } });

const DEVICE = `Log Probe ${Date.now().toString(36)}`;

async function ready(page: Page) {
  await expect(page.locator("[data-hydrated]")).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

async function switchToMuller(page: Page, nav: string) {
  await openFromNav(page, nav);
  await page.getByRole("button", { name: /Switch organization/ }).click();
  await page.getByRole("combobox", { name: "Search organizations" }).fill("mull");
  await expect(page.getByRole("option", { name: /Muller Boiler Group/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-org")).toHaveText("Muller Boiler Group");
}

/** Rita's row menu → Send device log: the dialog. */
async function openDialog(page: Page) {
  await page.getByRole("button", { name: "Actions for Rita Muller" }).click();
  await page.getByRole("menuitem", { name: "Send device log" }).click();
  const dialog = page.getByRole("dialog", { name: "Send the device log of Rita Muller" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("Send device log from a user's row menu: the mail to the sender in /dev/mailbox carries the CSV", async ({ page }) => {
  // Something to log: a device added for Rita in her org.
  await switchToMuller(page, "Devices");
  await page.getByRole("button", { name: "Add device" }).click();
  const add = page.getByRole("dialog", { name: /Add device/ });
  await add.getByLabel("Name").fill(DEVICE);
  await add.getByLabel("Find owner").fill("r@m");
  await add.getByLabel("Owner (optional)", { exact: true }).selectOption({ label: "Rita Muller (r@muller.test)" });
  await add.getByRole("button", { name: "Add device" }).click();
  await expect(add).toBeHidden();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users", exact: true }).click();
  await ready(page);
  const dialog = await openDialog(page);
  await expect(dialog.getByRole("radio", { name: "Last 30 days" })).toBeChecked();
  await dialog.getByRole("radio", { name: "Last 7 days" }).check();
  await page.screenshot({ path: "e2e/screenshots/device-log-dialog.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/screenshots/device-log-dialog-390.png" });
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole("button", { name: "Send device log" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Device log sent to admin@acme.test" })).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.goto("/dev/mailbox");
  const mail = page.getByTestId("mail").filter({ hasText: "Device log of Rita Muller, last 7 days" }).first();
  await expect(mail).toContainText("To: admin@acme.test");
  const link = mail.getByRole("link", { name: /^device-log-7-days-\d{4}-\d{2}-\d{2}\.csv$/ });
  await expect(link).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/device-log-mailbox.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/screenshots/device-log-mailbox-390.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The link downloads the file.
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^device-log-7-days-.*\.csv$/);
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await response.text()).replace(/^\ufeff/, "").trimEnd().split(/\r?\n/);
  expect(lines[0]).toMatch(/^Time \([A-Za-z_/]+\),Device,Action,By,Details$/);
  expect(lines.slice(1).some((line) => line.includes(`,${DEVICE},Device created,Alice Adams <admin@acme.test>,`))).toBe(true);
  for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2},/);
});

test("Rita's profile offers Send device log in its menu; Rita's own console, as a User, has no such entry anywhere", async ({ page, browser }) => {
  await switchToMuller(page, "Users");
  await ready(page);
  await page.getByRole("link", { name: "Rita Muller", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rita Muller" })).toBeVisible();
  await page.getByRole("button", { name: "Actions for Rita Muller" }).click();
  await page.getByRole("menuitem", { name: "Send device log" }).click();
  await expect(page.getByRole("dialog", { name: "Send the device log of Rita Muller" })).toBeVisible();
  await page.keyboard.press("Escape");

  const rita = await browser.newContext({ storageState: storageStatePath("r@muller.test") });
  const own = await rita.newPage();
  await own.goto("/");
  await expect(own.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  await rita.close();
});

test("the eleventh log within an hour is refused, said in the dialog", async ({ page }) => {
  test.setTimeout(90_000);
  await switchToMuller(page, "Users");
  await ready(page);
  let refused = false;
  for (let sent = 0; sent < 11 && !refused; sent++) {
    const dialog = await openDialog(page);
    await dialog.getByRole("button", { name: "Send device log" }).click();
    const error = dialog.getByText("You have sent 10 device logs in the last hour, the most allowed. Try again later.");
    // Either sent (the dialog closes) or refused (it stays, saying why).
    await expect(async () => {
      refused = await error.isVisible();
      expect(refused || !(await dialog.isVisible())).toBe(true);
    }).toPass({ timeout: 10_000 });
  }
  expect(refused).toBe(true);
  await page.screenshot({ path: "e2e/screenshots/device-log-refused.png" });
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
});
