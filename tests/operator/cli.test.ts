// `npm run roster` as the operator runs it: a real subprocess per command, against the test's
// DATABASE_URL or a throwaway embedded database folder of its own (PGlite serves one process at a
// time, so this file opens that folder only between commands). Exit codes, output, --json, the
// audit rows, and that every refusal left the database as it was.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { CROWD_SIZE } from "@/db/seed-crowd";
import { freshDemoDb } from "../helpers/db";
import { tableDigests } from "../helpers/db-state";
import { onPostgres } from "../helpers/race";

const APP_URL = "http://roster.test";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "roster-cli-"));
const dataDir = path.join(scratch, "pglite");

type Run = { code: number | null; stdout: string; stderr: string };

/** One `npm run roster -- …` (without npm: tsx straight away, as the script does). */
function roster(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_URL,
    // The demo tenants are seeded once, by the first command on the database (below); checking
    // for them costs every later command most of a second.
    DEMO: "0",
    ROSTER_PLANS_FILE: "",
    // Set, even if empty: an .env.local of the checkout must not point the command elsewhere.
    DATABASE_URL: onPostgres ? process.env.DATABASE_URL! : "",
    PGLITE_DIR: dataDir,
    ...extraEnv,
  };
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/roster.ts", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Acme's users: its 7 personas, and on the embedded database demo mode's generated people too (db/seed-crowd.ts). */
const ACME_USERS = onPostgres ? 7 : 7 + CROWD_SIZE;

const json = (run: Run) => JSON.parse(run.stdout) as Record<string, unknown> & { error?: { code: string; refusal: string; message: string } };

/** The database the commands work on, opened only while no command runs. */
async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  if (onPostgres) return work(await getDb());
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  try {
    return await work(drizzle({ client, schema }) as unknown as Db);
  } finally {
    await client.close();
  }
}

/** The operator's audit rows, as each tenant's actions in order. */
const operatorActions = () =>
  withDb(async (db) => {
    const rows = await db.select({ tenantId: schema.auditLog.tenantId, action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.actorEmail, "operator")).orderBy(asc(schema.auditLog.id));
    const byTenant: Record<string, string[]> = {};
    for (const r of rows) (byTenant[r.tenantId!] ??= []).push(r.action);
    return byTenant;
  });

beforeAll(async () => {
  if (onPostgres) await freshDemoDb();
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("npm run roster, without a database", () => {
  it("prints usage and exits 2 for no command, a stray flag or a missing argument", { timeout: 90_000 }, async () => {
    const none = await roster([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain("tenant set-plan <id> <plan>");
    const stray = await roster(["tenant", "list", "--plan", "pro", "--json"]);
    expect(stray.code).toBe(2);
    expect(json(stray).error).toMatchObject({ code: "USAGE", message: "tenant list takes no --plan." });
    const missing = await roster(["tenant", "create", "--name", "Acme", "--plan", "pro"]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toBe("roster: Missing --admin-email.\n\nUsage: npm run roster -- tenant create --name \"Acme\" --plan pro --admin-email a@acme.com [--admin-name \"Ada Admin\"] [--json]\n");
  });

  it("`plans` prints the table in force with the operator's file over it, and stops on a wrong file naming the field", { timeout: 90_000 }, async () => {
    const good = path.join(scratch, "plans.json");
    fs.writeFileSync(good, JSON.stringify({ plans: { business: { maxUsers: 50_000, maxDepth: 6 }, free: { maxUsers: 3 } } }));
    const overridden = await roster(["plans"], { ROSTER_PLANS_FILE: good });
    expect(overridden).toMatchObject({ code: 0, stderr: "" });
    expect(overridden.stdout).toMatch(/^Free +3 +1 per tenant +0 +1 +locked /m);
    expect(overridden.stdout).toMatch(/^Pro +100 +Admins +200 +4 +editable /m);
    expect(overridden.stdout).toMatch(/^Business +50000 +Admins +unlimited +6 +editable +≤ 9 roles +yes /m);
    expect(overridden.stdout).toContain(`The defaults with ROSTER_PLANS_FILE (${good}) over them.`);

    const bad = path.join(scratch, "bad-plans.json");
    fs.writeFileSync(bad, JSON.stringify({ plans: { business: { maxUsers: 0 } } }));
    const refused = await roster(["plans"], { ROSTER_PLANS_FILE: bad });
    expect(refused).toEqual({ code: 1, stdout: "", stderr: "roster: ROSTER_PLANS_FILE: plans.business.maxUsers: expected a whole number ≥ 1\n" });
  });
});

describe("npm run roster, on the database", () => {
  const ids: Record<string, string> = {};
  let invitationLink = "";

  it("`tenant list` migrates and opens the database and lists its tenants", { timeout: 120_000 }, async () => {
    const run = await roster(["tenant", "list"], { DEMO: "1" });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const rows = [...run.stdout.matchAll(/^([0-9a-f-]{36})  (\S.*?) +(free|plus|pro|business) +(\d+) +(\d+)  \d{4}-\d\d-\d\d \d\d:\d\d UTC  -$/gm)];
    expect(rows.map(([, , name, plan, users, orgs]) => [name, plan, Number(users), Number(orgs)])).toEqual([
      ["Acme Heating", "pro", ACME_USERS, 5],
      ["Initech Climate", "business", 4, 3],
      ["Globex", "free", 1, 1],
    ]);
    expect(run.stdout).toMatch(/^ID +NAME +PLAN +USERS +ORGS +CREATED +SUSPENDED$/m);
    expect(run.stdout).toContain("3 tenants.");
    for (const [, id, name] of rows) ids[name!] = id!;
  });

  it("`tenant create` makes the tenant with a pending Admin, prints the invitation link and queues the email", { timeout: 60_000 }, async () => {
    const run = await roster(["tenant", "create", "--name", "Hooli", "--plan", "pro", "--admin-email", " Gavin@Hooli.test", "--admin-name", "Gavin Belson"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const [, id] = /^Created Hooli on the Pro plan: tenant ([0-9a-f-]{36})\.$/m.exec(run.stdout) ?? [];
    expect(id).toBeDefined();
    ids.Hooli = id!;
    const link = /^http:\/\/roster\.test\/invite\/[A-Za-z0-9_-]{43}$/m.exec(run.stdout)?.[0];
    expect(link, run.stdout).toBeDefined();
    expect(run.stdout).toContain("Gavin Belson <gavin@hooli.test> is invited as its Admin");
    invitationLink = link!;
  });

  it("refusals exit 1 with the reason, in text or JSON, and change nothing", { timeout: 120_000 }, async () => {
    const before = await withDb(async (db) => {
      // What `tenant create` wrote: the pending Admin and the invitation email with the printed link.
      const [email] = await db.select().from(schema.outbox).where(eq(schema.outbox.toAddress, "gavin@hooli.test"));
      expect(email).toMatchObject({ kind: "invitation", tenantId: ids.Hooli });
      expect(email!.textBody).toContain(invitationLink);
      const [admin] = await db.select().from(schema.users).where(eq(schema.users.email, "gavin@hooli.test"));
      expect(admin).toMatchObject({ tenantId: ids.Hooli, orgId: ids.Hooli, role: "admin", acceptedAt: null });
      return tableDigests(db);
    });

    const setPlan = await roster(["tenant", "set-plan", ids["Initech Climate"]!, "pro"]);
    expect(setPlan).toEqual({
      code: 1,
      stdout: "",
      stderr: "roster: Initech Climate cannot move to the Pro plan: custom roles: Field Technician (Pro has none); distributor and installer organizations (Pro does not offer them).\n",
    });
    // Demo mode's generated people came with Acme's own user limit (db/seed-crowd.ts), which a
    // tenant override keeps on any plan: on the embedded database the users are no breach.
    const acmeOnFree = {
      ...(onPostgres ? { maxUsers: "7 users, pending invitations included (Free allows 5)" } : {}),
      maxSubOrgs: "4 sub-organizations (Free has none)",
      maxDepth: "organizations 3 levels deep (Free allows 1)",
    };
    const setPlanJson = await roster(["tenant", "set-plan", ids["Acme Heating"]!, "free", "--json"]);
    expect(setPlanJson.code).toBe(1);
    expect(json(setPlanJson).error).toEqual({
      code: "LIMIT",
      refusal: "PLAN_LIMITS_BROKEN",
      message: `Acme Heating cannot move to the Free plan: ${Object.values(acmeOnFree).join("; ")}.`,
      fields: acmeOnFree,
    });

    const badInput = await roster(["tenant", "create", "--name", "X", "--plan", "gold", "--admin-email", "nope"]);
    expect(badInput).toMatchObject({ code: 1, stdout: "" });
    expect(badInput.stderr).toBe("roster: --name: Use at least 3 characters. --plan: Choose a plan: free, plus, pro, business. --admin-email: Enter a valid email address.\n");

    const mismatch = await roster(["tenant", "delete", ids.Hooli!, "--confirm", "hooli"]);
    expect(mismatch).toEqual({ code: 1, stdout: "", stderr: 'roster: To delete Hooli, confirm with its exact name: --confirm "Hooli".\n' });

    expect(await withDb(tableDigests)).toEqual(before);
  });

  it("`tenant set-plan` applies a move that fits", { timeout: 60_000 }, async () => {
    const run = await roster(["tenant", "set-plan", ids["Acme Heating"]!, "business"]);
    expect(run).toEqual({ code: 0, stdout: "Acme Heating moved from the Pro plan to Business.\n", stderr: "" });
  });

  it("`tenant suspend` and `tenant resume` mark the tenant; `user reset-link` prints a working link", { timeout: 120_000 }, async () => {
    const globex = ids.Globex!;
    const suspended = await roster(["tenant", "suspend", globex]);
    expect(suspended).toMatchObject({ code: 0, stderr: "" });
    expect(suspended.stdout).toMatch(/^Globex is suspended: its people cannot log in, 0 open sessions ended/);

    const show = json(await roster(["tenant", "show", globex, "--json"]));
    expect(show).toMatchObject({ name: "Globex", plan: "free", usage: { users: 1 } });
    expect(typeof show.suspendedAt).toBe("string");

    expect(await roster(["tenant", "resume", globex])).toEqual({ code: 0, stdout: "Globex is resumed: its people can log in again.\n", stderr: "" });
    const link = await roster(["user", "reset-link", "--email", "admin@globex.test", "--json"]);
    expect(link.code).toBe(0);
    expect(json(link)).toMatchObject({ kind: "password_reset", email: "admin@globex.test", tenantName: "Globex", link: expect.stringMatching(/^http:\/\/roster\.test\/reset\/[A-Za-z0-9_-]{43}$/) });
  });

  it("`tenant delete` with the right name removes the tenant; every command left an operator's audit row", { timeout: 60_000 }, async () => {
    const run = await roster(["tenant", "delete", ids.Hooli!, "--confirm", "Hooli"]);
    expect(run).toEqual({ code: 0, stdout: "Deleted Hooli: 1 user, 1 organization, 0 devices and 1 email of its outbox. The audit log keeps the record.\n", stderr: "" });
    const list = await roster(["tenant", "list", "--json"]);
    expect((JSON.parse(list.stdout) as Array<{ name: string; plan: string; suspendedAt: string | null }>).map((t) => [t.name, t.plan, t.suspendedAt])).toEqual([
      ["Acme Heating", "business", null],
      ["Initech Climate", "business", null],
      ["Globex", "free", null],
    ]);
    expect(await operatorActions()).toEqual({
      [ids.Hooli!]: ["tenant_created", "tenant_deleted"],
      [ids["Acme Heating"]!]: ["tenant_plan_changed"],
      [ids.Globex!]: ["tenant_suspended", "tenant_resumed", "user_reset_link_issued"],
    });
  });
});
