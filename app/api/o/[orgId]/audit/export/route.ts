// GET /api/o/[orgId]/audit/export — CSV of the audit log of an org and its subtree, with the page's filters
import { getDb } from "@/db/client";
import { csvResponse } from "@/lib/csv/response";
import { auditCsv } from "@/lib/audit/export";
import { getViewer } from "@/lib/auth/viewer";
import { actorIn } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import { orgTarget } from "@/lib/orgs/target";
import { authorize } from "@/lib/policy";
import { auditList } from "@/lib/table/audit";

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
  const { columns, rows } = await auditCsv(db, actor, filters);
  return csvResponse(rows, { columns, filename: `roster-audit-${new Date().toISOString().slice(0, 10)}.csv` });
}
