import { expect, test, type Page } from "@playwright/test";
import { acceptInvitation } from "./helpers";
import { storageStatePath } from "./personas";

// Admin persona, against the demo tenant plus the 60 customers of e2e/seed-e2e.ts.
test.use({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1440, height: 900 } });

let usersPath = "";

async function openUsers(page: Page, query = "") {
  if (!usersPath) {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/users$/);
    usersPath = new URL(page.url()).pathname;
  }
  await page.goto(query ? `${usersPath}?${query}` : usersPath);
  await ready(page);
}

/** The table has hydrated and no navigation is pending. */
async function ready(page: Page) {
  await expect(page.locator("[data-hydrated]")).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

const rows = (page: Page) => page.locator("tbody tr");
const cells = (page: Page, header: string) =>
  page.locator("thead th").evaluateAll((ths, name) => ths.findIndex((th) => th.textContent?.trim().toLowerCase().startsWith(name.toLowerCase())), header).then((i) =>
    page.locator(`tbody tr td:nth-child(${i + 1})`).allInnerTexts(),
  );
const summary = (page: Page) => page.getByRole("navigation", { name: "Pages" }).locator("[aria-live]");
const rowFor = (page: Page, name: string) => page.locator("tbody tr").filter({ has: page.getByRole("link", { name, exact: true }) });

/** Ticks columns in the Columns menu (the choice is kept in this browser's localStorage). */
async function showColumns(page: Page, ...names: string[]) {
  await page.getByRole("button", { name: "Columns" }).click();
  for (const name of names) await page.getByRole("checkbox", { name, exact: true }).check();
  await page.keyboard.press("Escape");
}

async function select(page: Page, ...names: string[]) {
  for (const name of names) await page.getByRole("checkbox", { name: `Select ${name}` }).check({ force: true });
}

test("the users page with the demo data", async ({ page }) => {
  await openUsers(page, "scope=reach&size=25");
  await expect(rows(page)).toHaveCount(25);
  await expect(summary(page)).toHaveText("1–25 of 67 users");
  // A long value would end in an ellipsis, the whole text kept as the cell's title.
  await expect(rowFor(page, "Customer 05").getByTitle("customer05@acme.test").filter({ visible: true })).toHaveCSS("text-overflow", "ellipsis");
  await page.screenshot({ path: "e2e/screenshots/users-page.png", fullPage: true });
});

test("every column sorts, on the server, both ways", async ({ page }) => {
  await openUsers(page, "scope=reach");
  // At 1440 px the email sits under the name, and Location and Registered are in a row's details.
  await showColumns(page, "Email", "Location", "Registered");
  // Ties break by name, so a shared value lists people as the name sort does (Acme's customers
  // by org or by an empty location read as by email): each column follows one whose order differs.
  for (const [header, key] of [
    ["Name", "name"],
    ["Email", "email"],
    ["Role", "role"],
    ["Org", "org"],
    ["Status", "status"],
    ["Location", "location"],
    ["Last login", "lastLogin"],
    ["Registered", "registered"],
    ["Devices", "devices"],
  ] as const) {
    const before = await cells(page, "Email");
    const th = page.locator("thead th").filter({ has: page.getByRole("button", { name: header, exact: true }) });
    await th.getByRole("button").click();
    // The default order (name, ascending) is left out of the URL.
    if (key !== "name") await expect(page).toHaveURL(new RegExp(`sort=${key}`));
    await expect(th).toHaveAttribute("aria-sort", /ascending|descending/);
    await expect.poll(async () => (await cells(page, "Email")).join(), { message: `sorting by ${header} changes the order` }).not.toBe(before.join());
    await ready(page);
  }
  await page.getByRole("button", { name: "Email", exact: true }).click();
  await ready(page);
  await page.getByRole("button", { name: "Email", exact: true }).click();
  await expect(page).toHaveURL(/sort=email&dir=desc|dir=desc&.*sort=email/);
  await expect.poll(async () => { const e = await cells(page, "Email"); return e.join() === [...e].sort().reverse().join(); }).toBe(true);
});

test("the table fits 1440 px in both scopes: no column slides under the pinned actions", async ({ page }) => {
  for (const query of ["", "scope=reach"]) {
    await openUsers(page, query);
    const fit = await page.locator("table").evaluate((table) => {
      const overlaps: string[] = [];
      for (const tr of [...table.querySelectorAll("tr")].slice(0, 12)) {
        const cells = [...tr.children].filter((cell) => cell.getBoundingClientRect().width > 0);
        const pinned = cells.at(-1)!.getBoundingClientRect();
        for (const cell of cells.slice(0, -1)) if (cell.getBoundingClientRect().right > pinned.left + 0.5) overlaps.push(cell.textContent ?? "");
      }
      return { overflow: table.parentElement!.scrollWidth - table.parentElement!.clientWidth, overlaps };
    });
    expect(fit, `scope: ${query || "this organization"}`).toEqual({ overflow: 0, overlaps: [] });
    await page.screenshot({ path: `e2e/screenshots/users-1440-${query ? "reach" : "org"}.png` });
  }
});

test("the Columns menu hides a column and a reload keeps it hidden; hidden values are one tap away", async ({ page }) => {
  await openUsers(page);
  const header = (name: string) => page.locator("thead th").filter({ hasText: name });
  await expect(header("Location")).toBeVisible();
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Location", exact: true }).uncheck();
  await expect(header("Location")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await page.reload();
  await ready(page);
  await expect(header("Location")).toHaveCount(0);

  await page.getByRole("button", { name: "Details for Customer 05" }).click();
  const details = page.getByTestId("row-details");
  await expect(details).toContainText("Location");
  await expect(details).toContainText("Registered");
  await expect(page.getByRole("button", { name: "Details for Customer 05" })).toHaveAttribute("aria-expanded", "true");

  // Back to the defaults for this width: Location shows again.
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("button", { name: "Back to the defaults for this width" }).click();
  await expect(header("Location")).toBeVisible();
});

test("filter by role and status, search, and reset", async ({ page }) => {
  await openUsers(page);
  await page.getByRole("button", { name: "Filter by role" }).click();
  await page.getByRole("checkbox", { name: "User" }).check();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/role=user/);
  await expect.poll(async () => [...new Set(await cells(page, "Role"))]).toEqual(["User"]);

  await page.getByRole("button", { name: "Filter by status" }).click();
  await page.getByRole("checkbox", { name: "Pending" }).check();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/status=pending/);
  await expect.poll(async () => [...new Set(await cells(page, "Status"))]).toEqual(["Pending"]);
  expect(new Set(await cells(page, "Role"))).toEqual(new Set(["User"]));

  await page.getByRole("button", { name: "Reset" }).click();
  await ready(page);
  await page.getByLabel("Search users by name or email").fill("customer05");
  await expect(page).toHaveURL(/q=customer05/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rowFor(page, "Customer 05")).toBeVisible();
});

test("an empty search here says how many match below and shows them; Reset keeps the scope", async ({ page }) => {
  await openUsers(page, "q=muller");
  await expect(page.getByText("2 users match in sub-organizations.")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/users-empty-below.png" });
  await page.getByRole("button", { name: "Show all in reach" }).click();
  await expect(page).toHaveURL(/scope=reach/);
  await expect(page).toHaveURL(/q=muller/);
  await ready(page);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await ready(page);
  await expect(page).toHaveURL(/scope=reach/);
  await expect(page.getByRole("button", { name: "All in reach" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Reset" })).toHaveCount(0);
});

test("Back puts the search box back; other filters clear the selection", async ({ page }) => {
  await openUsers(page);
  const search = page.getByLabel("Search users by name or email");
  await search.fill("customer05");
  await expect(page).toHaveURL(/q=customer05/);
  await expect(rows(page)).toHaveCount(1);
  await page.goBack();
  await expect(page).not.toHaveURL(/q=/);
  await expect(search).toHaveValue("");
  await ready(page);
  // The box does not send its old search again after the pause.
  await page.waitForTimeout(800);
  await expect(page).not.toHaveURL(/q=/);
  await page.goForward();
  await expect(search).toHaveValue("customer05");

  await openUsers(page, "q=customer0");
  await select(page, "Customer 01", "Customer 02");
  await expect(page.getByTestId("selection-count")).toHaveText(/^2 selected of \d+$/);
  // Sorting keeps it: the same people ...
  await page.locator("thead th").getByRole("button", { name: "Last login", exact: true }).click();
  await expect(page).toHaveURL(/sort=lastLogin/);
  await ready(page);
  await expect(page.getByTestId("selection-count")).toHaveText(/^2 selected of \d+$/);
  // ... another search does not: those rows are no longer shown.
  await search.fill("customer1");
  await expect(page).toHaveURL(/q=customer1/);
  await ready(page);
  await expect(page.getByTestId("selection-count")).toHaveCount(0);
});

test("pages forward and back by cursor, and the URL round-trips", async ({ page }) => {
  await openUsers(page, "size=25&sort=email");
  const first = await cells(page, "Email");
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect.poll(async () => (await cells(page, "Email"))[0]! > first[first.length - 1]!).toBe(true);
  await expect(summary(page)).toHaveText(/^26–50 of \d+ users$/);
  const second = await cells(page, "Email");
  // Reload and back/forward show the same view.
  await page.reload();
  await ready(page);
  expect(await cells(page, "Email")).toEqual(second);
  await page.getByRole("button", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect.poll(() => cells(page, "Email")).toEqual(first);
  await page.goBack();
  await expect.poll(() => cells(page, "Email")).toEqual(second);
  // The last page says where it starts and ends, not how many rows it happens to have.
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(summary(page)).toHaveText(/^51–(\d+) of \1 users$/);
});

test("the header box selects the page; in all matching every row shows as selected", async ({ page }) => {
  await openUsers(page, "size=25&sort=email");
  const pageBox = page.getByRole("checkbox", { name: "Select all on this page" });
  const ticked = () => page.locator("tbody tr[data-state=selected]");
  const count = page.getByTestId("selection-count");

  await select(page, "Customer 01");
  await expect(pageBox).toHaveJSProperty("indeterminate", true);
  await expect(pageBox).not.toBeChecked();
  await pageBox.click();
  await expect(pageBox).toBeChecked();
  await expect(pageBox).toHaveJSProperty("indeterminate", false);
  await expect(ticked()).toHaveCount(25);
  await expect(count).toHaveText(/^25 selected of \d+$/);
  await pageBox.click();
  await expect(ticked()).toHaveCount(0);
  await expect(count).toHaveCount(0);

  await select(page, "Customer 01");
  await page.getByRole("button", { name: /^Select all [\d,]+ matching$/ }).click();
  await expect(count).toHaveText(/^All \d+ matching selected$/);
  await expect(ticked()).toHaveCount(25);
  await expect(page.locator("tbody input[type=checkbox]:checked")).toHaveCount(25);
  await expect(pageBox).toBeChecked();
  await page.screenshot({ path: "e2e/screenshots/users-all-matching.png" });
  // The next page is just as selected; unticking one row there leaves the rest of that page.
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(/after=/);
  await ready(page);
  await expect(ticked()).toHaveCount(25);
  const firstRow = page.locator("tbody tr").first().getByRole("checkbox");
  await firstRow.uncheck({ force: true });
  await expect(count).toHaveText(/^24 selected of \d+$/);
  await expect(pageBox).toHaveJSProperty("indeterminate", true);
});

test("select rows and apply a tag; bulk delete asks first", async ({ page }) => {
  await openUsers(page, "q=customer1");
  await select(page, "Customer 11", "Customer 12");
  await expect(page.getByTestId("selection-count")).toHaveText("2 selected of 10");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Apply tag" }).click();
  // A tag the tenant does not have yet is created from the picker.
  await page.getByRole("combobox", { name: "Tag" }).fill("VIP");
  await page.getByRole("option", { name: /Create .VIP./ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Create and apply" }).click();
  await expect(page.getByText("2 tagged")).toBeVisible();

  // Tagging again changes nothing: a warning rather than a success, and the dialog stays open.
  await select(page, "Customer 11");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Apply tag" }).click();
  await page.getByRole("combobox", { name: "Tag" }).fill("VIP");
  await page.getByRole("option", { name: "VIP", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Apply tag" }).click();
  await expect(page.locator("[data-sonner-toast][data-type=warning]")).toContainText("Customer 11 not tagged VIP: This user already has the tag VIP");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Clear" }).click();

  await select(page, "Customer 13", "Customer 14");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Are you sure you want to delete 2 users?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Delete 2 users" })).toBeDisabled();
  await dialog.getByLabel("Type DELETE to confirm").fill("DELETE");
  await dialog.getByRole("button", { name: "Delete 2 users" }).click();
  await expect(page.getByText("2 deleted")).toBeVisible();
  await ready(page);
  await expect(rowFor(page, "Customer 13")).toHaveCount(0);
  await expect(rowFor(page, "Customer 11")).toBeVisible();
});

test("bulk Change role asks which role, then changes it for the selected users", async ({ page }) => {
  await openUsers(page, "q=customer1");
  await select(page, "Customer 15", "Customer 16");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the role of 2 users" });
  // No role is suggested: the button waits for a choice.
  await expect(dialog.getByLabel("New role")).toHaveValue("");
  await expect(dialog.getByRole("button", { name: "Change role" })).toBeDisabled();
  await dialog.getByLabel("New role").selectOption("staff");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("2 changed")).toBeVisible();
  await ready(page);
  // Customers 15, 16 and 19 were Users (e2e/seed-e2e.ts); 19 was not selected.
  for (const name of ["Customer 15", "Customer 16"]) await expect(rowFor(page, name).getByRole("button", { name: "Staff" })).toBeVisible();
  await expect(rowFor(page, "Customer 19").getByRole("button", { name: "User" })).toBeVisible();
});

test("export CSV of the selected users", async ({ page }) => {
  await openUsers(page, "q=customer2");
  await select(page, "Customer 21", "Customer 22");
  const download = page.waitForEvent("download");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^roster-users-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await file.createReadStream()).toArray()).join("");
  const lines = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("Name,Email,Organization,Role,Status,Last login (UTC),Registered (UTC),Tags,Locations");
  expect(lines.slice(1).map((l) => l.split(",")[1]).sort()).toEqual(["customer21@acme.test", "customer22@acme.test"]);
});

test("invite a user, who accepts from the mailbox and logs in", async ({ page, browser }) => {
  await openUsers(page);
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Name").fill("Nina New");
  await dialog.getByLabel("Email").fill("staff@acme.test");
  await dialog.getByLabel("Role").selectOption("staff");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  // The server's field error lands on the field.
  await expect(dialog.getByText(/already has an account in Acme Heating/)).toBeVisible();
  await dialog.getByLabel("Email").fill("nina@acme.test");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent to nina@acme.test")).toBeVisible();
  await openUsers(page, "q=nina");
  await expect(rowFor(page, "Nina New").getByText("Pending")).toBeVisible();

  const { context, page: nina } = await acceptInvitation(browser, "nina@acme.test", "nina's long password", "Acme Heating");
  await expect(nina.getByRole("button", { name: /Account menu for Nina New/ })).toBeVisible();
  await context.close();
});

test("a role change takes effect on the user's next request", async ({ page, browser }) => {
  const walter = await browser.newContext({ storageState: storageStatePath("w@muller.test") });
  const walterPage = await walter.newPage();
  await walterPage.goto("/");
  await expect(walterPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  await openUsers(page, "scope=reach&q=walter");
  await page.getByRole("button", { name: "Actions for Walter Muller" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Walter Muller" });
  await expect(dialog.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await dialog.getByLabel("Role").selectOption("staff");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Walter Muller updated")).toBeVisible();

  await walterPage.reload();
  await expect(walterPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toBeVisible();
  await walter.close();
});

test("transfer a user to a sub-organization", async ({ page }) => {
  await openUsers(page, "q=customer30");
  await page.getByRole("button", { name: "Actions for Customer 30" }).click();
  await page.getByRole("menuitem", { name: "Transfer" }).click();
  const dialog = page.getByRole("dialog", { name: "Transfer Customer 30" });
  await dialog.getByLabel("Destination organization").selectOption({ label: "\u00a0\u00a0Muller Boiler Group" });
  await dialog.getByRole("button", { name: "Transfer" }).click();
  await expect(page.getByText("Customer 30 transferred")).toBeVisible();
  await openUsers(page, "scope=reach&q=customer30");
  expect(await cells(page, "Org")).toEqual(["Muller Boiler Group"]);
});

test("Staff sees no Delete or Change password; a User cannot open the page", async ({ browser }) => {
  const staff = await browser.newContext({ storageState: storageStatePath("staff@acme.test") });
  const page = await staff.newPage();
  await openUsers(page, "q=customer0");
  await page.getByRole("button", { name: "Actions for Customer 01" }).click();
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Delete" })).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: "Change password" })).toHaveCount(0);
  // The role selects offer only what Staff may give: Admin is not there to be refused on Save.
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Customer 01" });
  await expect(edit.getByLabel("Role").locator("option")).toHaveText(["Staff", "User"]);
  await edit.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Invite user" }).click();
  const invite = page.getByRole("dialog", { name: "Invite user" });
  await expect(invite.getByLabel("Role").locator("option")).toHaveText(["Staff", "User"]);
  await invite.getByRole("button", { name: "Cancel" }).click();
  await select(page, "Customer 01");
  await expect(page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete" })).toHaveCount(0);
  await staff.close();

  const user = await browser.newContext({ storageState: storageStatePath("user@acme.test") });
  const userPage = await user.newPage();
  // No users.view: a 404 inside the console frame.
  await userPage.goto(usersPath);
  await expect(userPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(userPage.getByText("Customer 01")).toHaveCount(0);
  await user.close();
});

test("the menu of an org's last Admin shows Suspend, Transfer and Delete disabled, with the reason", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin@initech.test"), viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await page.goto(`${new URL(page.url()).pathname}?scope=reach&q=northwind`);
  await ready(page);
  await page.getByRole("button", { name: "Actions for Nancy Davolio" }).click();
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeEnabled();
  for (const name of ["Suspend", "Transfer", "Delete"]) {
    const item = page.getByRole("menuitem", { name, exact: true });
    await expect(item).toBeDisabled();
    await expect(item).toHaveAccessibleDescription("Northwind Distribution would be left without an Admin");
    await expect(item).toHaveAttribute("title", "Northwind Distribution would be left without an Admin");
  }
  await page.getByRole("menuitem", { name: "Delete", exact: true }).hover();
  await page.screenshot({ path: "e2e/screenshots/users-last-admin-menu.png" });
  await context.close();
});

test("a user's profile shows their details, devices and action log", async ({ page }) => {
  await openUsers(page, "scope=reach&q=rita");
  await page.getByRole("link", { name: "Rita Muller" }).click();
  await expect(page.getByRole("heading", { name: "Rita Muller", level: 1 })).toBeVisible();
  const sections = page.getByRole("navigation", { name: "User sections" });
  await sections.getByRole("link", { name: "Devices" }).click();
  await expect(page.getByText("Thermostat")).toBeVisible();
  await sections.getByRole("link", { name: "Action log" }).click();
  await expect(page.getByText("Logged in").first()).toBeVisible();
  // People by name, as the audit page reads them.
  await expect(page.getByText("by Rita Muller").first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/user-profile.png", fullPage: true });
});
