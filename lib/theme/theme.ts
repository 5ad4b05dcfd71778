/** The colour themes a person can choose in the account menu; "system" follows prefers-color-scheme. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Read by the root layout, so the first paint already has the chosen theme (no script, no flash). */
export const THEME_COOKIE = "roster.theme";

/** Anything but a known theme (a missing or hand-edited cookie) means "follow the system". */
export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
