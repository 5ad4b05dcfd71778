import { expect, test } from "@playwright/test";
import { storageStatePath } from "./personas";

test("the profile lists this session as “This device”, by browser and system, not its user-agent string", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("staff@acme.test") });
  const page = await context.newPage();
  await page.goto("/profile");
  const current = page.getByTestId("session-list").getByRole("listitem").first();
  await expect(current).toContainText("This device");
  // Playwright's Chromium reads as Chrome; the raw string ("Mozilla/5.0 …") stays in a title only.
  await expect(current).toContainText(/Chrome \d+ on Linux/);
  await expect(current).not.toContainText("Mozilla");
  await expect(current).toContainText(/Last active (just now|\d+ minutes? ago)/);
  await page.getByTestId("session-list").screenshot({ path: "e2e/screenshots/profile-sessions.png" });
  await context.close();
});
