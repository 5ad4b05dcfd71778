/** Only same-origin paths survive as a post-login destination (no open redirect, G4). */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || /[\r\n\t]/.test(raw)) return fallback;
  return raw;
}
