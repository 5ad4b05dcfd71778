"use client";

import { Button } from "@/components/ui/button";
import { countLabel } from "@/lib/format/count";
import type { BulkPermissions } from "@/lib/users/view-model";

export type BulkAction = "tag" | "role" | "logout" | "suspend" | "resend" | "export" | "delete";

type Props = {
  count: number;
  total: number;
  capped: boolean;
  allMatching: boolean;
  permissions: BulkPermissions;
  onSelectAll: () => void;
  onClear: () => void;
  onAction: (action: BulkAction) => void;
};

/** "N selected of M · Clear · Select all M matching" and the bulk actions the viewer may use. */
export function BulkBar({ count, total, capped, allMatching, permissions, onSelectAll, onClear, onAction }: Props) {
  const totalLabel = countLabel(total, capped);
  const actions: { key: BulkAction; label: string; show: boolean; danger?: boolean }[] = [
    { key: "tag", label: "Apply tag", show: permissions.tags },
    { key: "role", label: "Change role", show: permissions.changeRole },
    { key: "logout", label: "Force logout", show: permissions.forceLogout },
    { key: "suspend", label: "Suspend", show: permissions.suspend },
    { key: "resend", label: "Resend invitation", show: permissions.resend },
    { key: "export", label: "Export CSV", show: permissions.export },
    { key: "delete", label: "Delete", show: permissions.delete, danger: true },
  ];
  return (
    <div role="region" aria-label="Bulk actions" className="sticky bottom-4 z-30 mx-auto flex w-fit max-w-full flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-slate-900 px-4 py-2.5 text-sm text-white shadow-xl">
      <span data-testid="selection-count" className="font-medium">
        {allMatching ? `All ${totalLabel} matching selected` : `${count.toLocaleString("en")} selected of ${totalLabel}`}
      </span>
      <span aria-hidden className="text-slate-500">·</span>
      <button type="button" onClick={onClear} className="text-slate-300 underline-offset-2 hover:text-white hover:underline">
        Clear
      </button>
      {!allMatching && count < total ? (
        <>
          <span aria-hidden className="text-slate-500">·</span>
          <button type="button" onClick={onSelectAll} className="text-slate-300 underline-offset-2 hover:text-white hover:underline">
            Select all {totalLabel} matching
          </button>
        </>
      ) : null}
      <span aria-hidden className="mx-1 h-5 w-px bg-slate-700" />
      {actions
        .filter((a) => a.show)
        .map((a) => (
          <Button key={a.key} size="sm" variant={a.danger ? "danger" : "ghost"} className={a.danger ? "" : "text-white hover:bg-slate-700"} onClick={() => onAction(a.key)}>
            {a.label}
          </Button>
        ))}
    </div>
  );
}
