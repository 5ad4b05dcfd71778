import { expect, test, type Browser } from "@playwright/test";
import { logInFresh } from "./helpers";
import { DEMO_PASSWORD, PERSONAS, storageStatePath } from "./personas";

async function landingUrl(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext({ storageState: storageStatePath(email) });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  const url = new URL(page.url()).pathname;
  await context.close();
  return url;
}

test.describe("every demo persona lands on their own org", () => {
  for (const persona of PERSONAS) {
    test(persona.email, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStatePath(persona.email) });
      const page = await context.newPage();
      await page.goto("/");
      await expect(page.getByTestId("current-org")).toHaveText(persona.org);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await context.close();
    });
  }
});

test("the console shell, as the Acme admin", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin@acme.test"), viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByRole("menuitem", { name: "Log out" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/console-shell.png", fullPage: true });
  await page.keyboard.press("Escape");
  await context.close();
});

test("a wrong password is refused with the generic message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toHaveText("Invalid email or password.");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
  await page.screenshot({ path: "e2e/screenshots/login-refused.png" });
});

test("an unknown email gets exactly the same message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@nowhere.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toHaveText("Invalid email or password.");
});

test("another tenant's org URL answers 404", async ({ browser }) => {
  const acmeRoot = await landingUrl(browser, "admin@acme.test");
  const context = await browser.newContext({ storageState: storageStatePath("admin@globex.test") });
  const page = await context.newPage();
  const response = await page.goto(acmeRoot);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();
  await expect(page.getByText("Acme Heating")).toHaveCount(0);
  await context.close();
});

test("the benchmark's fixed-rows users page does not exist unless BENCH_PAGES=1", async ({ page }) => {
  const response = await page.goto("/bench/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("bench.test")).toHaveCount(0);
});

test("an org above your own answers 404", async ({ browser }) => {
  const acmeRoot = await landingUrl(browser, "admin@acme.test");
  const context = await browser.newContext({ storageState: storageStatePath("m@united.test") });
  const page = await context.newPage();
  expect((await page.goto(acmeRoot))?.status()).toBe(404);
  await context.close();
});

test("known proxy-bypass request shapes still reach no foreign data", async ({ browser }) => {
  const acmeRoot = await landingUrl(browser, "admin@acme.test");
  const context = await browser.newContext({ storageState: storageStatePath("admin@globex.test") });
  const shapes: Array<[string, Record<string, string>]> = [
    [acmeRoot, { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }],
    [acmeRoot, { RSC: "1", "Next-Router-Prefetch": "1" }],
    [`${acmeRoot}.rsc`, {}],
  ];
  for (const [url, headers] of shapes) {
    const response = await context.request.get(url, { headers, maxRedirects: 0 });
    const body = await response.text();
    expect(body).not.toContain("acme.test");
    expect(body).not.toContain("Alice Adams");
  }
  await context.close();
});

test("after logout the session is dead server-side and console URLs go to /login", async ({ browser }) => {
  const { context, page } = await logInFresh(browser, "staff@acme.test");
  const consoleUrl = new URL(page.url()).pathname;
  const cookies = await context.cookies();
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(consoleUrl);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await context.close();

  // Replaying the cookie captured before logout does not bring the session back.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto(consoleUrl);
  await expect(again).toHaveURL(/\/login/);
  await replay.close();
});

test("an anonymous visitor of a console URL is sent to /login and back after logging in", async ({ browser }) => {
  const target = await landingUrl(browser, "admin@acme.test");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(target);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await context.close();
});

test("callbackUrl cannot send a login off-site", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login?callbackUrl=https://evil.example/phish");
  await page.getByLabel("Email").fill("w@muller.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/o/"));
  expect(new URL(page.url()).origin).toBe(new URL(test.info().project.use.baseURL!).origin);
  await context.close();
});

test("an end user without permissions is told what they lack and who can grant it", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("user@acme.test") });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "You don't have access to anything here yet" })).toBeVisible();
  await expect(page.getByText("Alice Adams")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/no-permissions.png", fullPage: true });
  await context.close();
});

test("security headers on the login page and a console page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin@acme.test") });
  for (const path of ["/login", await landingUrl(browser, "admin@acme.test")]) {
    const response = await context.request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    if (path !== "/login") expect(headers["cache-control"]).toContain("no-store");
  }
  await context.close();
});

test("the session cookie is HttpOnly, SameSite=Lax and small", async ({ browser }) => {
  const { context } = await logInFresh(browser, "r@muller.test");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("roster.session"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.path).toBe("/");
  expect(cookie!.name.length + cookie!.value.length).toBeLessThan(4096);
  await context.close();
});
