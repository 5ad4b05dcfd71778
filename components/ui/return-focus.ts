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

/**
 * Focuses the opener; a table that re-rendered after the change may have put an equal button in
 * its place. When the row is gone (deleted, moved away), the main content takes focus rather than <body>.
 */
export function returnFocus(opener: FocusReturn): boolean {
  if (!opener) return false;
  const same = opener.element.isConnected ? opener.element : opener.label ? document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(opener.label)}"]`) : null;
  const target = same ?? document.getElementById("main");
  target?.focus();
  if (same) toMainWhenRemoved(same);
  return !!target;
}

/** A row the change removes a moment later (the list refreshing) takes its focused button along: main takes it then. */
function toMainWhenRemoved(element: HTMLElement) {
  const observer = new MutationObserver(() => {
    if (element.isConnected) return;
    observer.disconnect();
    if (document.activeElement === document.body) document.getElementById("main")?.focus();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 10_000);
}
