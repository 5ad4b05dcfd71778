import Bowser from "bowser";

/** A session's device as people read it: "Chrome 131 on macOS". */
export type DeviceLabel = { browser: string | null; os: string | null; label: string };

// Only the major version: "131.0.0.0" says no more to a person than "131".
const major = (version: string | undefined) => version?.split(".")[0] ?? "";

/**
 * The browser and operating system of a user-agent string (bowser keeps up with new browsers;
 * a hand-made regex list would not). Scripts and unknown clients read "Unknown browser".
 */
export function describeUserAgent(userAgent: string | null): DeviceLabel {
  const parsed = userAgent ? Bowser.parse(userAgent) : null;
  const browser = parsed?.browser.name ? [parsed.browser.name, major(parsed.browser.version)].filter(Boolean).join(" ") : null;
  const os = parsed?.os.name ? [parsed.os.name, parsed.os.versionName ?? ""].filter(Boolean).join(" ") : null;
  const label = browser && os ? `${browser} on ${os}` : (browser ?? (os ? `Unknown browser on ${os}` : "Unknown browser"));
  return { browser, os, label };
}
