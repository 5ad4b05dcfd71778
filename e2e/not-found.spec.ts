// Issue 20 item 8: a console page the viewer may not open is a real 404 (not a 200 streamed
// behind a loading skeleton) and is drawn inside the console frame, the nav still there.
import { expect, test, type Browser } from "@playwright/test";
import { storageStatePath } from "./personas";

/** The persona's own org, from where "/" lands them. */
async function ownOrgPath(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: storageStatePath(email) });
  const page = await context.newPage();
  await page.goto("/");
  const path = new URL(page.url()).pathname;
  await context.close();
  return path;
}

// user@acme.test holds no permission; m@united.test may only see the devices they own.
const CLOSED = [
  { email: "user@acme.test", pages: ["users", "organizations", "audit", "settings", "settings/roles"] },
  { email: "m@united.test", pages: ["users", "organizations", "audit", "settings/roles"] },
];

for (const { email, pages } of CLOSED) {
  test(`over HTTP, ${email} gets 404 with the console nav for pages their role cannot open`, async ({ browser }) => {
    const org = await ownOrgPath(browser, email);
    const context = await browser.newContext({ storageState: storageStatePath(email) });
    for (const page of pages) {
      const res = await context.request.get(`${org}/${page}`, { maxRedirects: 0 });
      expect(res.status(), `${org}/${page}`).toBe(404);
      // Next answers a 404 thrown during rendering with a shell the browser draws from the
      // payload in it: that payload holds the console frame (its nav, the header's org trail), not a bare 404 page.
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex"/>');
      expect(html).toContain(String.raw`\"aria-label\":\"Main\"`);
      expect(html).toContain(String.raw`\"trail\":[`);
    }
    await context.close();
  });
}

test("the 404 of a closed page keeps the frame: nav, the org in the header, a way back", async ({ browser }) => {
  const org = await ownOrgPath(browser, "user@acme.test");
  const context = await browser.newContext({ storageState: storageStatePath("user@acme.test") });
  const page = await context.newPage();
  const response = await page.goto(`${org}/users`);
  expect(response?.status()).toBe(404);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("current-org")).toHaveText("Acme Heating");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/not-found-in-frame.png", fullPage: true });
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page).toHaveURL(new RegExp(`${org}$`));
  await expect(page.getByRole("heading", { name: /You don.t have access to anything here yet/ })).toBeVisible();
  await context.close();
});

test("a user's page for no one in reach is a real 404 inside the frame", async ({ browser }) => {
  const org = await ownOrgPath(browser, "admin@acme.test");
  const context = await browser.newContext({ storageState: storageStatePath("admin@acme.test") });
  // Unknown, another tenant's and out of reach read the same (userDetails); no loading boundary streams first.
  const res = await context.request.get(`${org}/users/00000000-0000-4000-8000-000000000000`, { maxRedirects: 0 });
  expect(res.status()).toBe(404);
  expect(await res.text()).toContain(String.raw`\"aria-label\":\"Main\"`);
  await context.close();
});
