import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, PERSONAS, storageStatePath } from "./personas";

// Logs each persona in once through the real form and saves the session for other specs.
for (const persona of PERSONAS) {
  setup(`log in as ${persona.email}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(persona.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("current-org")).toHaveText(persona.org);
    await page.context().storageState({ path: storageStatePath(persona.email) });
  });
}
