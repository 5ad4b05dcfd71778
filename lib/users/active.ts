import "server-only";
import { and, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { users } from "@/db/schema";

/** A person who can log in: they accepted their invitation and are not suspended. */
export function isActiveUser(): SQL {
  return and(isNotNull(users.acceptedAt), isNull(users.suspendedAt))!;
}

/** An Admin who can act: the one definition behind "an org keeps an active Admin" and "who can help". */
export function isActiveAdmin(): SQL {
  return and(eq(users.role, "admin"), isActiveUser())!;
}
