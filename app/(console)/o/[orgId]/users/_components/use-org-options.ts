"use client";

import { useEffect, useState } from "react";
import type { OrgOption } from "@/lib/users/page-data";
import { orgOptionsAction } from "../actions";

/**
 * The orgs in reach, fetched when a dialog that needs them opens: a tenant may have thousands,
 * and every users page would otherwise carry them all.
 */
export function useOrgOptions(orgId: string, enabled: boolean): OrgOption[] | null {
  const [orgs, setOrgs] = useState<OrgOption[] | null>(null);
  useEffect(() => {
    if (!enabled || orgs) return;
    let live = true;
    void orgOptionsAction({ orgId }).then((result) => live && result.ok && setOrgs(result.data));
    return () => {
      live = false;
    };
  }, [orgId, enabled, orgs]);
  return orgs;
}
