import "server-only";
import type { z } from "zod";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, organizations, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction, lockOrgs } from "@/lib/commands/transaction";
import { fromPolicy } from "@/lib/errors";
import { checkOrgEmpty } from "@/lib/policy";

import { orgInView } from "@/lib/orgs/target";
import { deleteOrgSchema } from "../schemas";

/**
 * Deletes an empty sub-organization (orgs.delete). Refused while it holds users, devices or
 * sub-orgs, and for the root and the viewer's own org. The org row is locked first, so a user
 * invited into it at the same moment either lands before (and blocks the delete) or fails.
 */
export async function deleteOrg(db: Db, actor: Actor, input: z.output<typeof deleteOrgSchema>): Promise<void> {
  await inTransaction(db, async (tx) => {
    const org = await orgInView(tx, actor, input.targetOrgId);
    assertAllowed(actor.policy, "orgs.delete", org.target);
    await lockOrgs(tx, [org.id]);
    const [[u], [d], [c]] = await Promise.all([
      tx.select({ n: count() }).from(users).where(eq(users.orgId, org.id)),
      tx.select({ n: count() }).from(devices).where(eq(devices.orgId, org.id)),
      tx.select({ n: count() }).from(organizations).where(and(eq(organizations.tenantId, org.tenantId), eq(organizations.parentId, org.id))),
    ]);
    const empty = checkOrgEmpty({ orgName: org.name, users: u!.n, devices: d!.n, subOrgs: c!.n });
    if (!empty.ok) throw fromPolicy(empty);
    await tx.delete(organizations).where(eq(organizations.id, org.id));
    await writeAudit(tx, { ...auditBy(actor), orgId: org.parentId, action: "org_deleted", targetType: "org", targetId: org.id, targetLabel: org.name, before: { name: org.name, type: org.type } });
  });
}
