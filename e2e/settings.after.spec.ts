import { expect, test } from "@playwright/test";
import { openFromNav } from "./helpers";
import { storageStatePath } from "./personas";

// Changes Initech's self sign-up and puts it back: the join page's specs see the demo's settings.
test.describe("self sign-up settings", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("Initech's Admin changes the role and domains and copies the join link", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath("admin@initech.test"), permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await openFromNav(page, "Settings");
    const section = page.getByRole("region", { name: "Self sign-up" });
    await expect(section.getByRole("switch", { name: "People can sign up themselves" })).toBeChecked();
    const link = section.getByTestId("join-link");
    await expect(link).toHaveText(/\/join\/initech$/);

    await section.getByLabel("Role new members get").selectOption({ label: "Field Technician" });
    await section.getByLabel("Allowed email domains").fill("initech.test\nnot a domain");
    await section.getByRole("button", { name: "Save" }).click();
    await expect(section.getByText("“not” is not a domain name like example.com.")).toBeVisible();
    await section.getByLabel("Allowed email domains").fill("Initech.test\n@initech-partners.test");
    await section.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Self sign-up is on")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/settings-self-signup.png", fullPage: true });

    await page.reload();
    await expect(section.getByLabel("Role new members get")).toHaveValue("field_technician");
    await expect(section.getByLabel("Allowed email domains")).toHaveValue("initech.test\ninitech-partners.test");
    await section.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByText("Join link copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.textContent());

    // Back to the demo's settings.
    await section.getByLabel("Role new members get").selectOption({ label: "User" });
    await section.getByLabel("Allowed email domains").fill("");
    await section.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Self sign-up is on")).toBeVisible();
    await context.close();
  });

  test("Acme's Admin sees it locked with the plan's reason; a User has no organization settings", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath("admin@acme.test") });
    const page = await context.newPage();
    await openFromNav(page, "Settings");
    const section = page.getByRole("region", { name: "Self sign-up" });
    await expect(section.getByRole("switch", { name: "People can sign up themselves" })).toBeDisabled();
    await expect(section.getByRole("note")).toHaveText("Self sign-up is not available on the Pro plan; it comes with Business.");
    await expect(section.getByRole("button", { name: "Save" })).toHaveCount(0);
    await page.screenshot({ path: "e2e/screenshots/settings-locked.png", fullPage: true });
    const settings = new URL(page.url()).pathname;
    await context.close();

    const user = await browser.newContext({ storageState: storageStatePath("user@acme.test") });
    const userPage = await user.newPage();
    await userPage.goto("/");
    // Users may have been given their own devices (admin.after.spec), and with them Settings → Locations: never Organization.
    const nav = userPage.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((href) => href.endsWith("/settings"))).toEqual([]);
    await userPage.goto(settings);
    await expect(userPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await user.close();
  });
});
