// Part 2b: what a person waits for in Chromium, from a click on a sort header, a filter or Next
// to the new rows painted, on the users page and on the same page from fixed rows.
import fs from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { percentile } from "./stats";

const CHROMIUM = "/usr/bin/chromium";

const CLICK_KINDS = ["sort header", "status filter", "Next"] as const;
type ClickKind = (typeof CLICK_KINDS)[number];

type ClickTimes = { kind: ClickKind; ms: number[]; p50: number; p95: number };
export type PageClicks = { name: string; path: string; clicks: ClickTimes[] };

/** Untimed clicks of each kind first: the page's code for them loads on first use. */
const WARMUP_CLICKS = 2;
/** A person reads the new rows before the next click; the prefetches of the row links settle. */
const PAUSE_MS = 150;
const SETTLE_TIMEOUT_MS = 30_000;

// Headers of the default view (the root org's own users: no Org column), clicked in turn.
const SORT_HEADERS = ["Email", "Last login", "Registered", "Name", "Status", "Role", "Devices", "Location"];
// Each on, then off again: every click changes the URL.
const STATUSES = ["Pending", "Suspended", "Inactive", "Active"];

/**
 * Installed before the page's scripts: a minimal React DevTools hook, the one React calls after
 * every commit (as profilers do). "Settled" is a commit after which the root has no pending work,
 * so the measure does not depend on which component shows a pending state (the toolbar's filters
 * show none, and the fixed-rows page paints the same rows again).
 */
function installCommitHook() {
  type Root = { pendingLanes: number };
  const state = { idle: true, commits: 0, onCommit: () => {} };
  Object.assign(window, {
    __benchCommits: state,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      onCommitFiberRoot(_renderer: number, root: Root) {
        state.commits++;
        state.idle = root.pendingLanes === 0;
        state.onCommit();
      },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    },
  });
}

/**
 * Arms the timer of the next click: `window.__benchClick` resolves with the milliseconds from the
 * click's event (its timeStamp: when the browser took the input) to the second animation frame
 * after the commit that settled it with a new URL. The first frame paints the new rows; the
 * second begins once that paint is done.
 */
function armClickTimer(timeoutMs: number): void {
  type Commits = { idle: boolean; onCommit: () => void };
  const commits = (window as unknown as { __benchCommits: Commits }).__benchCommits;
  const before = location.href;
  const settled = new Promise<number>((resolve, reject) => {
    let clickAt: number | null = null;
    const timer = setTimeout(() => reject(new Error(`no settled commit with a new URL within ${timeoutMs} ms (URL ${location.href})`)), timeoutMs);
    document.addEventListener("click", (event) => (clickAt = event.timeStamp), { capture: true, once: true });
    commits.onCommit = () => {
      if (clickAt === null || !commits.idle || location.href === before) return;
      commits.onCommit = () => {};
      clearTimeout(timer);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - clickAt!)));
    };
  });
  Object.assign(window, { __benchClick: settled });
}

/** One timed click: `click` drives the page as a person does; the time is measured in the page. */
async function timed(page: Page, click: () => Promise<void>): Promise<number> {
  await page.evaluate(armClickTimer, SETTLE_TIMEOUT_MS);
  await click();
  const ms = await page.evaluate(() => (window as unknown as { __benchClick: Promise<number> }).__benchClick);
  await page.waitForTimeout(PAUSE_MS);
  return ms;
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("[data-hydrated]").waitFor();
}

/** The browser's Back, once the page has settled on the previous URL. */
async function back(page: Page): Promise<void> {
  const url = page.url();
  await page.goBack();
  await page.waitForFunction((left) => location.href !== left && (window as unknown as { __benchCommits: { idle: boolean } }).__benchCommits.idle, url);
  await page.waitForTimeout(PAUSE_MS);
}

/** `count` timed clicks of one kind (after the warm-up ones), from a freshly opened page. */
async function clicksOf(page: Page, url: string, kind: ClickKind, count: number): Promise<number[]> {
  await open(page, url);
  const out: number[] = [];
  for (let i = 0; i < WARMUP_CLICKS + count; i++) {
    let click: () => Promise<void>;
    if (kind === "sort header") {
      const header = SORT_HEADERS[i % SORT_HEADERS.length]!;
      click = () => page.locator("thead").getByRole("button", { name: header, exact: true }).click();
    } else if (kind === "status filter") {
      const filter = page.getByRole("button", { name: /^Filter by status/ });
      if ((await filter.getAttribute("aria-expanded")) !== "true") await filter.click();
      const status = STATUSES[Math.floor(i / 2) % STATUSES.length]!;
      click = () => page.getByRole("checkbox", { name: status, exact: true }).click();
    } else {
      // Always from the first page to the second, Back in between (untimed): the fixed rows' page
      // has one cursor, and a keyset page costs the same at any depth.
      if (i > 0) await back(page);
      click = () => page.getByRole("button", { name: "Next →" }).click();
    }
    const ms = await timed(page, click);
    if (i >= WARMUP_CLICKS) out.push(ms);
  }
  return out;
}

/** Logged in with `cookie` (a `name=value` pair), the clicks of every kind on each page. */
export async function clickToPaint(
  base: string,
  cookie: string,
  pages: Array<{ name: string; path: string }>,
  count: number,
  log: (line: string) => void,
): Promise<PageClicks[] | null> {
  if (!fs.existsSync(CHROMIUM)) {
    log(`  click-to-paint: skipped, no Chromium at ${CHROMIUM}`);
    return null;
  }
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: base }]);
    // tsx compiles with esbuild's keepNames: functions sent to the page call its `__name` helper.
    await context.addInitScript({ content: "window.__name = (fn) => fn;" });
    await context.addInitScript(installCommitHook);
    const page = await context.newPage();
    const out: PageClicks[] = [];
    for (const p of pages) {
      const clicks: ClickTimes[] = [];
      for (const kind of CLICK_KINDS) {
        const ms = await clicksOf(page, `${base}${p.path}`, kind, count);
        clicks.push({ kind, ms, p50: percentile(ms, 50), p95: percentile(ms, 95) });
        log(`  click-to-paint, ${p.name}, ${kind} × ${ms.length}: p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms`);
      }
      out.push({ name: p.name, path: p.path, clicks });
    }
    return out;
  } finally {
    await browser.close();
  }
}
