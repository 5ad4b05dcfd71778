"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { parseTheme, THEME_COOKIE, THEME_LABELS, THEMES, type Theme } from "@/lib/theme/theme";

const YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

/** The theme in force on this page: the root layout renders the cookie's choice onto <html>. */
function currentTheme(): Theme {
  return parseTheme(document.documentElement.dataset.theme);
}

function applyTheme(theme: Theme) {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${theme === "system" ? 0 : YEAR_IN_SECONDS}; SameSite=Lax${secure}`;
  // Switch now; the refresh then re-renders the root layout (and the toasts' theme) from the cookie.
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** System / Light / Dark in the account menu, remembered in a cookie for a year. */
export function ThemeChoice() {
  const router = useRouter();
  // The menu's content mounts only when opened, in the browser, so the document is there.
  const [theme, setTheme] = useState<Theme>(currentTheme);
  return (
    <DropdownMenu.RadioGroup
      value={theme}
      onValueChange={(value) => {
        const next = parseTheme(value);
        setTheme(next);
        applyTheme(next);
        router.refresh();
      }}
    >
      <DropdownMenu.Label className="px-3 pb-1 pt-2 text-xs font-medium text-slate-500">Theme</DropdownMenu.Label>
      {THEMES.map((option) => (
        <DropdownMenu.RadioItem
          key={option}
          value={option}
          className="flex cursor-pointer items-center justify-between rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100"
        >
          {THEME_LABELS[option]}
          <DropdownMenu.ItemIndicator aria-hidden className="text-brand-700">
            ✓
          </DropdownMenu.ItemIndicator>
        </DropdownMenu.RadioItem>
      ))}
    </DropdownMenu.RadioGroup>
  );
}
