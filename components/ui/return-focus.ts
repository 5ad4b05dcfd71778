/** Where focus goes back to when a dialog closes: what had it when the dialog opened. */
export type FocusReturn = { element: HTMLElement; label: string | null } | null;

/**
 * Read as a dialog opens. A dialog opened from a menu item would hand focus back to that item,
 * which is gone by then (focus fell to <body>): the button that opened the menu stands for it.
 */
export function focusOpener(): FocusReturn {
  if (typeof document === "undefined") return null;
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const triggerId = active.closest('[role="menu"]')?.getAttribute("aria-labelledby");
  const element = (triggerId && document.getElementById(triggerId)) || active;
  return { element, label: element.getAttribute("aria-label") };
}

/** Focuses the opener; a table that re-rendered after the change may have put an equal button in its place. */
export function returnFocus(opener: FocusReturn): boolean {
  if (!opener) return false;
  const target = opener.element.isConnected ? opener.element : opener.label ? document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(opener.label)}"]`) : null;
  target?.focus();
  return !!target;
}
