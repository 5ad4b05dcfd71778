import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { shellActions } from "@/app/(console)/shell-actions";
import { ConsoleShell } from "@/components/shell/console-shell";
import { env } from "@/lib/env";
import { consoleNav } from "@/lib/orgs/nav";
import { UsersView } from "../../(console)/o/[orgId]/users/_components/users-view";
import { benchPolicy, benchUsersView } from "./fixture";

export const metadata: Metadata = { title: "Users", robots: { index: false } };

/**
 * The users page as an Admin sees it, from fixed rows: the same shell and table, no session and
 * no database. `npm run bench` measures it beside the real page, so the figures separate what
 * the data costs from what rendering the page costs. Absent unless BENCH_PAGES=1.
 */
export default async function BenchUsersPage() {
  await connection();
  if (env.BENCH_PAGES !== "1") notFound();
  const view = benchUsersView(new Date());
  return (
    <ConsoleShell
      trail={[{ id: view.orgId, name: view.orgName }]}
      switcher={{ ownOrgId: view.orgId, ownOrgName: view.orgName }}
      homeHref={`/o/${view.orgId}`}
      nav={consoleNav(view.orgId, benchPolicy)}
      actions={shellActions}
      user={{ name: "Bench Admin", email: "bench-admin@bench.test", roleLabel: "Admin · Bench Root" }}
    >
      <UsersView {...view} />
    </ConsoleShell>
  );
}
