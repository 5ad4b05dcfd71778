import { and, count, eq, ne } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { organizations, tenants, users } from "@/db/schema";
import { DomainError } from "@/lib/errors";

import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { describeError, describePostgres, fulfilled, race, rejected } from "../helpers/race";
import { createOrg, deleteOrg, inviteUser } from "../helpers/commands";

const ROUNDS = 20;
let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const subOrgs = async (tenantId: string) => (await db.select({ n: count() }).from(organizations).where(and(eq(organizations.tenantId, tenantId), ne(organizations.depth, 1))))[0]!.n;

describePostgres("sub-organization limits and deletes under concurrency", () => {
  it(`one seat left under the plan's sub-org limit, 10 concurrent creates: exactly one succeeds, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const tenantId = admin.viewer.tenant.id;
    const united = await orgIdByName(db, "United Heaters Inc.");
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = await subOrgs(tenantId);
      await db.update(tenants).set({ limitsOverride: { maxSubOrgs: before + 1 } }).where(eq(tenants.id, tenantId));
      const outcome = await race(
        db,
        Array.from({ length: 10 }, (_, i) => (g: Db) =>
          createOrg(g, admin, { orgId: admin.org.id, parentId: united, name: `Site ${round}-${i}`, type: "client", admins: [{ name: "Site Admin", email: `site-${round}-${i}@example.test` }] }),
        ),
      );
      const wins = fulfilled(outcome.results).length;
      if (wins !== 1 || (await subOrgs(tenantId)) !== before + 1) problems.push(`round ${round}: ${wins} created`);
      for (const e of rejected(outcome.results)) if (!(e instanceof DomainError && e.code === "LIMIT")) problems.push(`round ${round}: loser got ${describeError(e)}`);
    }
    console.info(`sub-org limit: ${ROUNDS} rounds x 10 creates, ${problems.length} violations`);
    expect(problems).toEqual([]);
  });

  // Each round sends up to two invitations; 12 rounds stay under the 25-a-day cap.
  const DELETE_ROUNDS = 12;
  it(`deleting an org while someone is invited into it: never both, never a broken row, ${DELETE_ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const united = await orgIdByName(db, "United Heaters Inc.");
    const problems: string[] = [];
    for (let round = 0; round < DELETE_ROUNDS; round++) {
      const { orgId } = await createOrg(db, admin, { orgId: admin.org.id, parentId: united, name: `Doomed ${round}`, type: "client", admins: [{ name: "Doomed Admin", email: `doomed-${round}@example.test` }] });
      await db.delete(users).where(eq(users.email, `doomed-${round}@example.test`));
      const outcome = await race(db, [
        (g: Db) => deleteOrg(g, admin, { orgId: admin.org.id, targetOrgId: orgId, confirm: "DELETE" }).then(() => "deleted"),
        (g: Db) => inviteUser(g, admin, { orgId: admin.org.id, targetOrgId: orgId, name: "Late Comer", email: `late-${round}@example.test`, role: "user", locationIds: [] }).then(() => "invited"),
      ]);
      const [deleted, invited] = outcome.results;
      if (deleted!.status === "fulfilled" && invited!.status === "fulfilled") problems.push(`round ${round}: both succeeded`);
      for (const e of rejected(outcome.results)) if (!(e instanceof DomainError)) problems.push(`round ${round}: ${describeError(e)}`);
      const orphans = await db.select({ id: users.id }).from(users).where(eq(users.orgId, orgId));
      const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId));
      if (!org && orphans.length) problems.push(`round ${round}: user left in a deleted org`);
    }
    expect(problems).toEqual([]);
  });
});
