"use client";

import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { RoleGrants } from "@/lib/roles/grants";
import type { UserTableRow } from "@/lib/users/view-model";
import { roleGrantsAction } from "../../actions";

/** A side panel with what the row's role may do in the row's org. */
export function RolePanel({ row, orgId, onClose }: { row: UserTableRow; orgId: string; onClose: () => void }) {
  const [grants, setGrants] = useState<RoleGrants | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void roleGrantsAction({ orgId, targetOrgId: row.orgId, role: row.role }).then((r) => {
      if (!live) return;
      if (r.ok) setGrants(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [orgId, row.orgId, row.role]);
  return (
    <Dialog side open onOpenChange={(open) => !open && onClose()} title={`${row.roleLabel} in ${row.orgName}`} description="What this role may do in this organization.">
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      {!grants && !error ? <div className="h-40 animate-pulse rounded bg-slate-100" /> : null}
      {grants ? (
        <div className="space-y-5">
          {grants.groups.map((g) => (
            <section key={g.label}>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{g.label}</h3>
              <ul className="mt-2 space-y-1.5">
                {g.permissions.map((p) => (
                  <li key={p.label} className="flex items-start gap-2 text-sm">
                    <span aria-hidden className={p.granted ? "text-emerald-600" : "text-slate-300"}>
                      {p.granted ? "✓" : "–"}
                    </span>
                    <span className={p.granted ? "text-slate-900" : "text-slate-400"}>
                      {p.label}
                      <span className="sr-only">{p.granted ? " (granted)" : " (not granted)"}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </Dialog>
  );
}
