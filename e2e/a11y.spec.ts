import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeProblems } from "./axe";
import { watchConsole } from "./console-watch";
import { PERSONAS, storageStatePath } from "./personas";

// Every page a persona can open (its navigation, a user's detail, its profile) and the pages
// before login, checked by axe in the light and the dark theme, with the browser console watched
// for CSP violations and errors. One load per page: the dark pass only flips the emulated scheme.

async function checkPages(browser: Browser, paths: string[] | ((page: Page) => Promise<string[]>), storageState?: string) {
  const context = await browser.newContext({ storageState, colorScheme: "light", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const watcher = await watchConsole(page);
  const problems: Record<string, string[]> = {};
  const visit = async (path: string) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    const found = [...(await axeProblems(page)), ...(await watcher.take())];
    if (found.length) problems[path] = found;
  };
  const list = typeof paths === "function" ? await paths(page) : paths;
  for (const path of list) await visit(path);
  await context.close();
  return problems;
}

/** The persona's own pages: what the main navigation offers, one user's and one device's detail when it lists them, the profile. */
async function pagesOf(page: Page): Promise<string[]> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  const nav = await page.getByRole("navigation", { name: "Main" }).getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(nav.length, "the navigation lists the persona's pages").toBeGreaterThan(0);
  const users = nav.find((href) => href.endsWith("/users"));
  let detail: string[] = [];
  if (users) {
    await page.goto(users);
    detail = [(await page.locator("tbody a[href*='/users/']").first().getAttribute("href"))!];
  }
  const devices = nav.find((href) => href.endsWith("/devices"));
  if (devices) {
    await page.goto(devices);
    const device = await page.locator("tbody a[href*='/devices/']").first().getAttribute("href", { timeout: 5_000 }).catch(() => null);
    if (device) detail.push(device);
  }
  return [...nav, ...detail, "/profile"];
}

test.describe("no serious accessibility violations and a quiet console", () => {
  test("before login: log in, sign up, forgot password", async ({ browser }) => {
    expect(await checkPages(browser, ["/login", "/signup", "/forgot"])).toEqual({});
  });

  for (const persona of PERSONAS) {
    test(persona.email, async ({ browser }) => {
      test.setTimeout(120_000);
      expect(await checkPages(browser, pagesOf, storageStatePath(persona.email))).toEqual({});
    });
  }
});
