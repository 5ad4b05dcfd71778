import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./user-agent";

describe("describeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome 131 on macOS Catalina"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 on Windows 10"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1", "Safari 17 on iOS"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Microsoft Edge 131 on Windows 10"],
    // Playwright's Chromium: the e2e suite's sessions read as Chrome.
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome 131 on Linux"],
  ])("%s → %s", (ua, label) => {
    expect(describeUserAgent(ua).label).toBe(label);
  });

  it("names no browser for scripts, empty and missing user agents", () => {
    expect(describeUserAgent("curl/8.5.0")).toEqual({ browser: null, os: null, label: "Unknown browser" });
    expect(describeUserAgent("")).toEqual({ browser: null, os: null, label: "Unknown browser" });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null, label: "Unknown browser" });
  });
});
