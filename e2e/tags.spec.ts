import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./personas";

// Admin persona: a tag made in Settings → Tags, applied in bulk from the users table, seen in
// its Tags column, filtered by, and removed in bulk.
test.use({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1440, height: 900 } });

async function rootOrgPath(page: Page): Promise<string> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** The table has hydrated and no navigation is pending. */
async function ready(page: Page) {
  await expect(page.locator("[data-hydrated]")).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

const rowFor = (page: Page, name: string) => page.locator("tbody tr").filter({ has: page.getByRole("link", { name, exact: true }) });

test("create a tag, apply it to two people in bulk, see and filter by it, remove it in bulk", async ({ page }) => {
  const tag = `Night crew ${Date.now() % 100_000}`;
  const org = await rootOrgPath(page);

  // Settings → Tags: create it in teal.
  await page.goto(`${org}/settings/tags`);
  await expect(page.getByRole("heading", { level: 1, name: "Tags" })).toBeVisible();
  await page.getByRole("button", { name: "New tag" }).click();
  const create = page.getByRole("dialog", { name: "New tag" });
  await create.getByLabel("Name").fill(tag);
  await create.getByTitle("Teal").click();
  await expect(create.getByRole("radio", { name: "Teal" })).toBeChecked();
  await create.getByRole("button", { name: "Create tag" }).click();
  await expect(create).toBeHidden();
  const listed = page.locator("tbody tr").filter({ hasText: tag });
  await expect(listed).toHaveCount(1);
  await expect(listed.locator("td").nth(1)).toHaveText("0");

  // Users: select Sam and Uma, Apply tag from the bulk bar, pick it in the combobox.
  // Name Z to A: Uma and Sam come before the 60 seeded "Customer NN".
  await page.goto(`${org}/users?sort=name&dir=desc`);
  await ready(page);
  for (const name of ["Sam Stone", "Uma Ulrich"]) await rowFor(page, name).getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByRole("button", { name: "Apply tag", exact: true }).click();
  const apply = page.getByRole("dialog", { name: "Apply a tag to 2 users" });
  await apply.getByRole("combobox", { name: "Tag" }).fill(tag.slice(0, 10));
  await apply.getByRole("option", { name: tag }).click();
  await expect(apply.getByRole("option", { name: tag })).toHaveAttribute("aria-selected", "true");
  await apply.getByRole("button", { name: "Apply tag" }).click();
  await expect(page.getByText(`2 tagged ${tag}`)).toBeVisible();
  await expect(apply).toBeHidden();

  // The Tags column shows it on both rows.
  await ready(page);
  for (const name of ["Sam Stone", "Uma Ulrich"]) await expect(rowFor(page, name).getByText(tag, { exact: true })).toBeVisible();
  await expect(rowFor(page, "Alice Adams").getByText(tag, { exact: true })).toHaveCount(0);

  // Filter by it: exactly those two, and the URL carries the filter.
  await page.getByRole("button", { name: "Filter by tags" }).click();
  await page.getByRole("checkbox", { name: tag }).check();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/[?&]tag=[0-9a-f-]{36}/);
  await ready(page);
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await page.reload();
  await ready(page);
  await expect(page.locator("tbody tr")).toHaveCount(2);

  // Remove it in bulk: the page's header checkbox selects both; the dialog offers what they carry.
  await page.getByRole("checkbox", { name: /select all/i }).check();
  await page.getByRole("button", { name: "Remove tag", exact: true }).click();
  const remove = page.getByRole("dialog", { name: "Remove a tag from 2 users" });
  await remove.getByRole("option", { name: tag }).click();
  await remove.getByRole("button", { name: "Remove tag" }).click();
  await expect(page.getByText(`2 no longer tagged ${tag}`)).toBeVisible();
  await ready(page);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.getByText("No users match these filters")).toBeVisible();

  // Settings → Tags counts nobody again; the tag itself stays.
  await page.goto(`${org}/settings/tags`);
  await expect(page.locator("tbody tr").filter({ hasText: tag }).locator("td").nth(1)).toHaveText("0");
});
