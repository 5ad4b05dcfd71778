// GET /api/o/[orgId]/audit/export — CSV of the audit log of an org and its subtree, with the page's filters
import { getDb } from "@/db/client";
import { csvResponse } from "@/lib/csv/response";
import { auditLabel } from "@/lib/audit/actions";
import { auditRowsForExport } from "@/lib/audit/list";
import { getViewer } from "@/lib/auth/viewer";
import { actorIn } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import { orgTarget } from "@/lib/orgs/target";
import { authorize } from "@/lib/policy";
import { auditList } from "@/lib/table/audit";
import { neutralizeFormula } from "@/lib/users/export";

export const dynamic = "force-dynamic";

const text = (status: number, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ orgId: string }> }): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return text(401, "Log in to export the audit log.");
  const { orgId } = await params;
  const db = await getDb();
  const actor = await actorIn(db, viewer, orgId).catch((error: unknown) => {
    if (error instanceof DomainError) return null;
    throw error;
  });
  if (!actor) return text(404, "Not found");
  const decision = authorize(actor.policy, "audit.view", orgTarget(actor));
  if (!decision.ok) return decision.code === "NOT_FOUND" ? text(404, "Not found") : text(403, decision.reason);
  const { filters } = auditList.read(new URL(request.url).searchParams);
  const rows = (async function* () {
    for await (const r of auditRowsForExport(db, actor, filters)) {
      yield [r.createdAt.toISOString(), r.actorEmail ?? "", auditLabel(r.action), r.targetLabel ?? "", r.orgName ?? "", JSON.stringify({ before: r.before, after: r.after })].map(neutralizeFormula);
    }
  })();
  return csvResponse(rows, { columns: ["When (UTC)", "Who", "What", "Target", "Organization", "Details"], filename: `roster-audit-${new Date().toISOString().slice(0, 10)}.csv` });
}
