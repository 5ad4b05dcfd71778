// Rule 1 of product.md §4: who can reach which org. Pure string work on materialized paths.
import type { OrgRef, PolicyViewer } from "./types";

type Checked = { id: string; tenantId: string; path: string; depth: number; ok: boolean };

// The users page asks the policy about every row menu entry: ~3,000 checks of the same few org
// objects a page, each splitting a path, showed in its server profile. An object's verdict is
// reused only while the fields it was given for still hold (compared, not trusted).
const checked = new WeakMap<OrgRef, Checked>();

/** Path, depth, id and tenant agree ("r/c/g/": depth 3, id "g", tenant "r"). Anything else is refused. */
export function isWellFormedOrg(org: OrgRef | null | undefined): org is OrgRef {
  if (!org || typeof org !== "object" || typeof org.path !== "string" || typeof org.id !== "string" || typeof org.tenantId !== "string") return false;
  const seen = checked.get(org);
  if (seen && seen.id === org.id && seen.tenantId === org.tenantId && seen.path === org.path && seen.depth === org.depth) return seen.ok;
  const ok = pathAgrees(org);
  checked.set(org, { id: org.id, tenantId: org.tenantId, path: org.path, depth: org.depth, ok });
  return ok;
}

function pathAgrees(org: OrgRef): boolean {
  if (!org.path.endsWith("/")) return false;
  const ids = org.path.slice(0, -1).split("/");
  return ids.length === org.depth && ids[0] === org.tenantId && ids[ids.length - 1] === org.id && ids.every((s) => s.length > 0);
}

/** `org` is `ancestor` or below it. Paths end in "/", so "r/c1/" never matches "r/c10/". */
function isAncestorOrSelf(ancestor: OrgRef, org: OrgRef): boolean {
  return isWellFormedOrg(ancestor) && isWellFormedOrg(org) && ancestor.tenantId === org.tenantId && org.path.startsWith(ancestor.path);
}

export function isSameOrg(a: OrgRef, b: OrgRef): boolean {
  return a.tenantId === b.tenantId && a.path === b.path;
}

/** "Switch to sub-organizations" held in the viewer's own org: the org switcher is offered. */
export function reachesBelowOwnOrg(viewer: PolicyViewer): boolean {
  return (viewer.ownOrgGrants ?? viewer.grants).has("orgs.switch");
}

/**
 * An org the console may show: the viewer's own, or one below it when their own org's grants
 * hold "Switch to sub-organizations". What the viewer may then do there is isInView's and the
 * shown org's grants' to decide.
 */
export function mayOpenOrg(viewer: PolicyViewer, org: OrgRef): boolean {
  if (viewer.org.tenantId !== viewer.tenantId || org.tenantId !== viewer.tenantId) return false;
  if (!isAncestorOrSelf(viewer.org, org)) return false;
  return isSameOrg(viewer.org, org) || reachesBelowOwnOrg(viewer);
}

/** The viewer's own org, or (with "Switch to sub-organizations" in the shown org) any org below it. */
export function isInReach(viewer: PolicyViewer, org: OrgRef): boolean {
  if (viewer.org.tenantId !== viewer.tenantId || org.tenantId !== viewer.tenantId) return false;
  if (!isAncestorOrSelf(viewer.org, org)) return false;
  return isSameOrg(viewer.org, org) || viewer.grants.has("orgs.switch");
}

/** In reach and inside the org the console is showing (which must itself be in reach). */
export function isInView(viewer: PolicyViewer, org: OrgRef): boolean {
  return isInReach(viewer, viewer.currentOrg) && isInReach(viewer, org) && isAncestorOrSelf(viewer.currentOrg, org);
}
