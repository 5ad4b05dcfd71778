import { expect, test, type Page } from "@playwright/test";
import { axeProblems } from "./axe";
import { watchConsole } from "./console-watch";
import { storageStatePath } from "./personas";

// The "mobile" project (playwright.config.ts) runs this file alone, at 390×844 with touch: the
// main persona flows on a phone-sized screen.

/** The page never scrolls sideways; with `tables`, each table fits its box too (users, devices). */
async function expectNoSidewaysScroll(page: Page, { tables = true } = {}) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll("table")].map((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth),
  }));
  expect(widths.page).toBe(0);
  if (tables) {
    expect(widths.tables.length, "the page shows a table").toBeGreaterThan(0);
    expect(widths.tables).toEqual(widths.tables.map(() => 0));
  }
}

async function openFromDrawer(page: Page, label: string) {
  await page.getByRole("button", { name: "Open navigation" }).click();
  const drawer = page.getByRole("dialog", { name: "Roster" });
  await drawer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
  await expect(drawer).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test.describe("as the Acme admin", () => {
  test.use({ storageState: storageStatePath("admin@acme.test") });

  test("the nav is a drawer behind the menu button; a link or Escape closes it", async ({ page }) => {
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Open navigation" });
    await expect(menu).toBeVisible();
    // The sidebar is not on screen: no nav until the drawer opens.
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await expectNoSidewaysScroll(page, { tables: false });
    await page.screenshot({ path: "e2e/screenshots/mobile-nav-closed.png" });

    await menu.click();
    const drawer = page.getByRole("dialog", { name: "Roster" });
    const links = drawer.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(links).toHaveText(["Overview", "Users", "Devices", "Organizations", "Settings", "Audit log"]);
    // Every item on screen, the last one too.
    await expect(links.last()).toBeInViewport({ ratio: 1 });
    await expect(links.first()).toHaveAttribute("aria-current", "page");
    await page.screenshot({ path: "e2e/screenshots/mobile-nav-open.png" });
    await page.keyboard.press("Escape");
    await expect(drawer).toHaveCount(0);
    await expect(menu).toBeFocused();

    await openFromDrawer(page, "Audit log");
    await expect(page).toHaveURL(/\/audit$/);
    // The log's long entries scroll inside their table's box, not the page.
    await expectNoSidewaysScroll(page, { tables: false });
  });

  test("users: search, filter, select, a bulk action; the rest of a row one tap away", async ({ page }) => {
    await page.goto("/");
    await openFromDrawer(page, "Users");
    await expect(page.locator("[data-hydrated]")).toBeVisible();
    // Name, status and the row menu; everything else waits in the row's details.
    await expect(page.locator("thead th").filter({ visible: true })).toHaveText([/^$/, /^Name/, /^Status/, "Actions"]);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: "e2e/screenshots/mobile-users.png" });

    await page.getByLabel("Search users by name or email").fill("customer0");
    await expect(page).toHaveURL(/q=customer0/);
    await page.getByRole("button", { name: "Filter by status" }).click();
    await page.getByRole("checkbox", { name: "Active", exact: true }).check();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/status=active/);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toContainText("Active");

    const first = rows.first();
    const name = (await first.getByRole("link").first().innerText()).trim();
    await first.getByRole("button", { name: `Details for ${name}` }).click();
    const details = page.getByTestId("row-details");
    for (const label of ["Role", "Location", "Last login", "Registered", "Devices"]) await expect(details).toContainText(label);
    await page.screenshot({ path: "e2e/screenshots/mobile-users-details.png" });
    await first.getByRole("button", { name: `Details for ${name}` }).click();
    await expect(details).toHaveCount(0);

    // Touch has no hover: a tap on the avatar ticks the row.
    await page.locator("tbody tr label.dt-pick").nth(0).tap();
    await page.locator("tbody tr label.dt-pick").nth(1).tap();
    await expect(page.getByTestId("selection-count")).toHaveText(/^2 selected of \d+$/);
    const bar = page.getByRole("region", { name: "Bulk actions" });
    const box = (await bar.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeLessThan(120);
    await expect(bar.getByRole("button", { name: "Apply tag" })).toHaveText("Tag", { useInnerText: true });
    // The rarer actions wait in the bar's More menu, so it stays one row on a phone.
    await bar.getByRole("button", { name: "More" }).click();
    await expect(page.getByRole("menuitem", { name: "Set location" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.screenshot({ path: "e2e/screenshots/mobile-bulk-bar.png" });
    const download = page.waitForEvent("download");
    await bar.getByRole("button", { name: "Export CSV" }).click();
    expect((await download).suggestedFilename()).toMatch(/^roster-users-.*\.csv$/);
    await bar.getByRole("button", { name: "Clear" }).click();
    await expect(bar).toHaveCount(0);
  });

  test("axe finds nothing serious at 390 px, the drawer open or closed, and the console stays quiet", async ({ page }) => {
    test.setTimeout(90_000);
    const watcher = await watchConsole(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const problems: Record<string, string[]> = {};
    for (const label of ["Overview", "Users", "Devices", "Organizations"]) {
      if (label !== "Overview") await openFromDrawer(page, label);
      await page.waitForLoadState("networkidle");
      const found = [...(await axeProblems(page)), ...(await watcher.take())];
      if (found.length) problems[label] = found;
    }
    await page.getByRole("button", { name: "Open navigation" }).click();
    await expect(page.getByRole("dialog", { name: "Roster" })).toBeVisible();
    const drawer = await axeProblems(page);
    if (drawer.length) problems.drawer = drawer;
    expect(problems).toEqual({});
  });

  test("switch to Muller Boiler Group and back from the header", async ({ page }) => {
    await page.goto("/");
    await openFromDrawer(page, "Devices");
    await page.getByRole("button", { name: /Switch organization/ }).click();
    await page.getByRole("combobox", { name: "Search organizations" }).fill("mull");
    await expect(page.getByRole("option", { name: /Muller Boiler Group/ })).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("current-org")).toHaveText("Muller Boiler Group");
    await expect(page).toHaveURL(/\/devices$/);
    await expectNoSidewaysScroll(page);
    await page.getByRole("button", { name: /Switch organization/ }).click();
    await page.getByRole("button", { name: "← Back to Acme Heating" }).click();
    await expect(page.getByTestId("current-org")).toHaveText("Acme Heating");
  });
});

test.describe("as an end user", () => {
  test.use({ storageState: storageStatePath("m@united.test") });

  test("their devices on a phone", async ({ page }) => {
    await page.goto("/");
    await openFromDrawer(page, "My devices");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody")).toContainText("Pool Heater");
    await expectNoSidewaysScroll(page);
    await page.getByRole("button", { name: "Details for Pool Heater" }).click();
    await expect(page.getByTestId("row-details")).toContainText("Added");
    await page.screenshot({ path: "e2e/screenshots/mobile-end-user-devices.png" });
  });
});
