import { expect, test, type Page } from "@playwright/test";
import { watchConsole } from "./console-watch";
import { storageStatePath } from "./personas";

test.use({ storageState: storageStatePath("admin@acme.test"), colorScheme: "light" });

/** How light the page's background is, 0 (black) to 255 (white), whatever colour syntax CSS used. */
function backgroundLightness(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d")!;
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
    return (r! + g! + b!) / 3;
  });
}

async function chooseTheme(page: Page, label: "System" | "Light" | "Dark") {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitemradio", { name: label }).click();
}

test("Dark chosen in the account menu is on the first paint of every page after", async ({ page }) => {
  const watcher = await watchConsole(page);
  await page.goto("/");
  expect(await backgroundLightness(page)).toBeGreaterThan(200);
  await chooseTheme(page, "Dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect.poll(() => backgroundLightness(page)).toBeLessThan(60);
  // The open menu locked scrolling with a <style> of Radix's: it carries the page's nonce.
  expect(await watcher.take()).toEqual([]);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await backgroundLightness(page)).toBeLessThan(60);
  // In the server's HTML itself, so nothing paints light first.
  const html = await (await page.request.get(page.url())).text();
  expect(html).toMatch(/<html[^>]* data-theme="dark"/);

  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect.poll(() => backgroundLightness(page)).toBeGreaterThan(200);
  // Light wins over a dark system.
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await backgroundLightness(page)).toBeGreaterThan(200);
  expect(await watcher.take()).toEqual([]);
});

test("System follows the device's colour scheme", async ({ page }) => {
  await page.goto("/");
  await chooseTheme(page, "Dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await chooseTheme(page, "System");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  await expect.poll(() => backgroundLightness(page)).toBeGreaterThan(200);

  await page.emulateMedia({ colorScheme: "dark" });
  expect(await backgroundLightness(page)).toBeLessThan(60);
  await page.reload();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  expect(await backgroundLightness(page)).toBeLessThan(60);
  await page.screenshot({ path: "e2e/screenshots/overview-dark.png" });

  await page.emulateMedia({ colorScheme: "light" });
  expect(await backgroundLightness(page)).toBeGreaterThan(200);
});
