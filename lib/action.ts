import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb, type Db } from "@/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { actorIn, type Actor } from "@/lib/commands/actor";
import { toDomainError } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { kickOutbox } from "@/lib/mail/deliver";
import { PolicyError } from "@/lib/policy";
import type { ActionResult } from "./action-result";

export type { ActionResult } from "./action-result";

type Meta = { ip: string; requestId: string };

const UNAUTHENTICATED: ActionResult<never> = { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Log in again." };

/**
 * Each message along the error's cause chain (the driver's own message is under Drizzle's
 * "Failed query" wrapper), with the bound parameters Drizzle appends cut off: they can hold
 * password hashes and token hashes (security.md J4).
 */
function logSafeMessage(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(e instanceof Error ? e.message.replace(/\nparams: [\s\S]*$/, "") : String(e));
  }
  return parts.join(" <- ");
}

/** Maps what a command threw to what the browser may see; anything unexpected is logged, not shown. */
export function toResult(error: unknown, requestId: string): ActionResult<never> {
  const mapped = toDomainError(error);
  if (mapped instanceof DomainError) return { ok: false, code: mapped.code, message: mapped.message, ...(mapped.fieldErrors || mapped.field ? { fieldErrors: { ...mapped.fieldErrors, ...(mapped.field ? { [mapped.field]: mapped.message } : {}) } } : {}) };
  if (mapped instanceof PolicyError) return { ok: false, code: mapped.code, message: mapped.message };
  // One JSON line; the id lets support find it without the user seeing internals (security.md J5, J6).
  console.error(JSON.stringify({ level: "error", msg: "action failed", requestId, error: logSafeMessage(error) }));
  return { ok: false, code: "ERROR", message: `Something went wrong. Try again; if it keeps happening, quote ${requestId.slice(0, 8)}.` };
}

async function requestMeta(): Promise<Meta> {
  return { ip: clientIp(await headers()), requestId: randomUUID() };
}

async function run<T>(meta: Meta, work: () => Promise<T>, after?: () => void): Promise<ActionResult<T>> {
  try {
    const data = await work();
    after?.();
    kickOutbox(getDb);
    return { ok: true, data };
  } catch (error) {
    return toResult(error, meta.requestId);
  }
}

const orgIdOf = (input: unknown): string | null =>
  input && typeof input === "object" && typeof (input as { orgId?: unknown }).orgId === "string" ? (input as { orgId: string }).orgId : null;

/** Who asks, and in which org: the viewer fresh from the database and `input.orgId`, or why not. */
async function consoleRequest(input: unknown): Promise<{ refused: ActionResult<never> } | { meta: Meta; viewer: Viewer; orgId: string }> {
  const meta = await requestMeta();
  const viewer = await getViewer();
  if (!viewer) return { refused: UNAUTHENTICATED };
  const orgId = orgIdOf(input);
  if (!orgId) return { refused: { ok: false, code: "INVALID", message: "The request was not valid." } };
  return { meta, viewer, orgId };
}

/**
 * A console server action: the viewer fresh from the database, the org named by `input.orgId`
 * resolved in their reach (else NOT_FOUND), then the command, which authorizes itself.
 */
export async function consoleAction<T>(input: unknown, command: (db: Db, actor: Actor, input: unknown) => Promise<T>): Promise<ActionResult<T>> {
  const request = await consoleRequest(input);
  if ("refused" in request) return request.refused;
  const { meta, viewer, orgId } = request;
  return run(
    meta,
    async () => {
      const db = await getDb();
      return command(db, await actorIn(db, viewer, orgId, meta), input);
    },
    () => revalidatePath(`/o/${orgId}`, "layout"),
  );
}

/**
 * A console read (a search while typing): like consoleAction, but it changes nothing, so the
 * page is not revalidated — that would re-render it on every keystroke.
 */
export async function consoleRead<T>(input: unknown, query: (db: Db, actor: Actor, input: unknown) => Promise<T>): Promise<ActionResult<T>> {
  const request = await consoleRequest(input);
  if ("refused" in request) return request.refused;
  const { meta, viewer, orgId } = request;
  try {
    const db = await getDb();
    return { ok: true, data: await query(db, await actorIn(db, viewer, orgId, meta), input) };
  } catch (error) {
    return toResult(error, meta.requestId);
  }
}

/** An action on your own account, acting in your own org. */
export async function selfAction<T>(input: unknown, command: (db: Db, actor: Actor, input: unknown) => Promise<T>): Promise<ActionResult<T>> {
  const meta = await requestMeta();
  const viewer: Viewer | null = await getViewer();
  if (!viewer) return UNAUTHENTICATED;
  return run(
    meta,
    async () => {
      const db = await getDb();
      return command(db, await actorIn(db, viewer, viewer.org.id, meta), input);
    },
    () => revalidatePath("/", "layout"),
  );
}

/** An action anyone may call (token links, forgot password); the command rate-limits itself. */
export async function publicAction<T>(command: (db: Db, meta: Meta) => Promise<T>): Promise<ActionResult<T>> {
  const meta = await requestMeta();
  return run(meta, async () => command(await getDb(), meta));
}
