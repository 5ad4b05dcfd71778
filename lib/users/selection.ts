import "server-only";
import { asc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import { userListWhere } from "./filter-sql";
import type { UserFilters } from "./filters";

/** "All matching" may reach this many users at once; past it, narrow the filter. */
const MATCHING_MAX = 50_000;

/** The users a command applies to: the ones named, or every user its filters match now. */
export type UserSelection = { userIds?: readonly string[]; matching?: UserFilters };

/** The ids a bulk action applies to: the ones named, or every user the filters match now. */
export async function selectedUserIds(db: Executor, actor: Actor, input: UserSelection): Promise<readonly string[]> {
  if (input.userIds) return input.userIds;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(userListWhere(actor, input.matching!))
    .orderBy(asc(users.id))
    .limit(MATCHING_MAX + 1);
  if (rows.length > MATCHING_MAX) throw new DomainError("LIMIT", `More than ${MATCHING_MAX.toLocaleString("en")} users match; narrow the filters.`, { refusal: "TOO_MANY_MATCHES" });
  return rows.map((r) => r.id);
}
