// GET /api/o/[orgId]/users/export — CSV of every user matching the filters (query string)
// POST /api/o/[orgId]/users/export — CSV of the selected users (form field `id`, repeated: too many for a URL; `sort`, `dir`)
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { actorIn } from "@/lib/commands/actor";
import { idListSchema } from "@/lib/commands/bulk";
import { csvResponse } from "@/lib/csv/response";
import { DomainError } from "@/lib/errors";
import { PolicyError } from "@/lib/policy";
import { exportColumns, exportUserRows } from "@/lib/users/export";
import { usersList } from "@/lib/table/users";

export const dynamic = "force-dynamic";

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

export async function GET(request: Request, context: { params: Promise<{ orgId: string }> }): Promise<Response> {
  return exportCsv(new URL(request.url).searchParams, context);
}

export async function POST(request: Request, context: { params: Promise<{ orgId: string }> }): Promise<Response> {
  // Only same-origin pages may ask (security.md B3); the form is ours.
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return refuse(403, "Cross-site export requests are refused.");
  const form = await request.formData().catch(() => null);
  if (!form) return refuse(400, "The export request was not valid.");
  const params = new URLSearchParams();
  for (const id of form.getAll("id")) if (typeof id === "string") params.append("id", id);
  // The table's order, read like the page's URL.
  for (const key of ["sort", "dir"]) if (typeof form.get(key) === "string") params.set(key, form.get(key) as string);
  if (!params.has("id")) return refuse(400, "Select at least one user.");
  return exportCsv(params, context);
}

async function exportCsv(searchParams: URLSearchParams, { params }: { params: Promise<{ orgId: string }> }): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return refuse(401, "Log in to export users.");
  const { orgId } = await params;
  // The filters are read as the users page reads them (the same URL names, cleaned the same way).
  const { url, filters } = usersList.read(searchParams);
  const ids = searchParams.getAll("id");
  const userIds = ids.length ? idListSchema.safeParse(ids) : null;
  if (userIds && !userIds.success) return refuse(400, "The export request was not valid.");

  const db = await getDb();
  let rows: AsyncGenerator<string[]>;
  try {
    const actor = await actorIn(db, viewer, orgId);
    rows = exportUserRows(db, actor, { userIds: userIds?.data, filters, sort: { key: url.sort, dir: url.dir } });
    // Runs the authorization before the first byte, so a refusal is a status code, not a broken file.
    const first = await rows.next();
    const all = (async function* () {
      if (!first.done) yield first.value;
      yield* rows;
    })();
    return csvResponse(all, { columns: exportColumns(actor.org.timezone), filename: `roster-users-${new Date().toISOString().slice(0, 10)}.csv` });
  } catch (error) {
    if (error instanceof PolicyError || error instanceof DomainError) {
      return error.code === "NOT_FOUND" ? refuse(404, "Not found") : refuse(403, error.message);
    }
    throw error;
  }
}
