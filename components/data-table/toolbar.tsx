import type { ReactNode } from "react";

/** A list's toolbar: search and filters on the left, the page's main action on the right, and an optional second row (scope chips). */
export function Toolbar({ children, action, below }: { children: ReactNode; action?: ReactNode; below?: ReactNode }) {
  const row = (
    <div className="flex flex-wrap items-center gap-2">
      {children}
      {action}
    </div>
  );
  if (!below) return row;
  return (
    <div className="flex flex-col gap-3">
      {row}
      {below}
    </div>
  );
}
