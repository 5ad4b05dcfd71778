// The bench admin as a command actor, straight from the database: the same helper the
// integration tests use (tests/helpers/actors.ts), acting in the org of the URL.
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { actorFor } from "../../tests/helpers/actors";

export { viewerFor } from "../../tests/helpers/actors";

export function actorAt(db: Db, email: string, orgId: string): Promise<Actor> {
  return actorFor(db, email, orgId);
}
