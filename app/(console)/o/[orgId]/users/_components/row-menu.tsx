"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useId, useState } from "react";
import type { RowAction } from "@/lib/users/page-data";
import type { UserTableRow } from "@/lib/users/view-model";

export type RowMenuHandlers = Record<RowAction, (row: UserTableRow) => void>;

const LABELS: Record<RowAction, string> = {
  "users.edit": "Edit",
  "tags.apply": "Apply tag",
  "tags.remove": "Remove tag",
  "users.change_password": "Change password",
  "users.force_logout": "Force logout",
  "users.send_device_log": "Send device log",
  "users.suspend": "Suspend",
  "users.reactivate": "Reactivate",
  "users.transfer": "Transfer",
  "users.resend_invitation": "Resend invitation",
  "users.revoke_invitation": "Revoke invitation",
  "users.delete": "Delete",
};

const DESTRUCTIVE = new Set<RowAction>(["users.delete", "users.revoke_invitation", "users.suspend"]);

// The trigger is on every row: its look is one class in app/globals.css.
const TRIGGER_CLASS = "dt-menu";

/**
 * The ⋯ menu: only the actions the policy allows for this row and viewer (security.md A8).
 * Until first used it is a plain button: fifty Radix menus (providers, popper, ids) were the
 * largest part of the users page's server render (bench/README.md).
 */
export function RowMenu({ row, handlers }: { row: UserTableRow; handlers: RowMenuHandlers }) {
  const [used, setUsed] = useState(false);
  const menuId = useId();
  if (row.actions.length === 0) return null;
  const label = `Actions for ${row.name}`;
  if (!used) {
    return (
      <button type="button" aria-label={label} aria-haspopup="menu" aria-expanded={false} className={TRIGGER_CLASS} onClick={() => setUsed(true)}>
        ⋯
      </button>
    );
  }
  return (
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger aria-label={label} className={TRIGGER_CLASS}>
        ⋯
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          {row.actions.map((action, i) => {
            // Refused up front (the org's last Admin): disabled, the server's reason as tooltip and description.
            const reason = row.blocked[action];
            const reasonId = `${menuId}-${action}`;
            return (
              <div key={action}>
                {DESTRUCTIVE.has(action) && i > 0 && !DESTRUCTIVE.has(row.actions[i - 1]!) ? <DropdownMenu.Separator className="my-1 h-px bg-slate-100" /> : null}
                <DropdownMenu.Item
                  disabled={!!reason}
                  title={reason}
                  aria-describedby={reason ? reasonId : undefined}
                  onSelect={() => handlers[action](row)}
                  className={`cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-400 data-[highlighted]:bg-slate-100 ${action === "users.delete" ? "text-red-700" : "text-slate-700"}`}
                >
                  {LABELS[action]}
                </DropdownMenu.Item>
                {reason ? (
                  <span id={reasonId} className="sr-only">
                    {reason}
                  </span>
                ) : null}
              </div>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
