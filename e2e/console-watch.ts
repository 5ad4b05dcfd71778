import type { Page } from "@playwright/test";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Watches a page's console and its securitypolicyviolation events; `take()` returns and clears what was seen. */
export async function watchConsole(page: Page) {
  let seen: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") seen.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.cspViolations!.push(`${event.effectiveDirective} refused ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  return {
    async take() {
      const csp = await page.evaluate(() => window.cspViolations ?? []);
      const all = [...seen, ...csp.map((v) => `CSP: ${v}`)];
      seen = [];
      return all;
    },
  };
}
