import "server-only";
import type { z } from "zod";
import { assertAllowed } from "@/lib/commands/authorize";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction, pgCode } from "@/lib/commands/transaction";

import { orgInView } from "@/lib/orgs/target";
import { editOrgSchema } from "../schemas";
import { nameTaken } from "./create";

/** Renames or describes a sub-organization (orgs.edit); users.org_name follows by trigger. */
export async function editOrg(db: Db, actor: Actor, input: z.output<typeof editOrgSchema>): Promise<void> {
  await inTransaction(db, async (tx) => {
    const org = await orgInView(tx, actor, input.targetOrgId);
    assertAllowed(actor.policy, "orgs.edit", org.target);
    await tx
      .update(organizations)
      .set({ name: input.name, description: input.description, canCreateSubOrgs: input.canCreateSubOrgs })
      .where(eq(organizations.id, org.id))
      .catch((error: unknown) => {
        throw pgCode(error) === "23505" ? nameTaken(input.name) : error;
      });
    await writeAudit(tx, {
      ...auditBy(actor),
      orgId: org.id,
      action: "org_updated",
      targetType: "org",
      targetId: org.id,
      targetLabel: input.name,
      before: { name: org.name, description: org.description, canCreateSubOrgs: org.canCreateSubOrgs },
      after: { name: input.name, description: input.description, canCreateSubOrgs: input.canCreateSubOrgs },
    });
  });
}
