import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium: Playwright's own browser download does not work on these machines.
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
/** A second server: production with sign-up closed and an empty embedded database (e2e/closed.spec.ts). */
export const closedInstallURL = `http://127.0.0.1:${port + 1}`;
const secret = process.env.AUTH_SECRET ?? "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } };

export default defineConfig({
  testDir: "./e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // The console's desktop size: a 1440×900 laptop screen.
    { name: "chromium", use: desktop, dependencies: ["setup"], testIgnore: /\.after\.spec\.ts|mobile\.spec\.ts/ },
    // The main persona flows on a phone-sized screen (a Pixel 7's viewport, touch, Chromium's desktop UA).
    { name: "mobile", use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, dependencies: ["setup"], testMatch: /mobile\.spec\.ts/ },
    // Flows that change a persona's password or sessions run once the others are done with them.
    { name: "after", use: desktop, dependencies: ["chromium", "mobile"], testMatch: /\.after\.spec\.ts/ },
  ],
  webServer: [
    {
      command: "node server.mjs",
      url: `${baseURL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        APP_URL: baseURL,
        DEV_MAILBOX: "1",
        SIGNUP: "open",
        AUTH_SECRET: secret,
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { PGLITE_DIR: process.env.PGLITE_DIR ?? ".data/e2e-pglite" }),
      },
    },
    {
      command: "node server.mjs",
      url: `${closedInstallURL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      // DATABASE_URL emptied: Playwright adds these to the suite's own environment, which in CI names Postgres.
      env: { PORT: String(port + 1), HOST: "127.0.0.1", NODE_ENV: "production", APP_URL: closedInstallURL, AUTH_SECRET: secret, SIGNUP: "closed", DEMO: "0", DATABASE_URL: "", PGLITE_DIR: ".data/e2e-empty-install" },
    },
  ],
});
