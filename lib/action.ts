import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import { getViewer, requireViewer, type Viewer } from "@/lib/auth/viewer";
import { actorIn, type Actor } from "@/lib/commands/actor";
import { parseInput } from "@/lib/commands/parse";
import { toDomainError } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { kickOutbox } from "@/lib/mail/deliver";
import type { ActionResult } from "./action-result";

// Every server action is one of the wrappers below: it declares its input schema where it is
// exported, and the wrapper parses it once, finds out who asks, runs the command and maps what
// it threw to what the browser may see.

export type { ActionResult } from "./action-result";

type Meta = { ip: string; requestId: string };
type Command<I, T> = (db: Db, actor: Actor, input: I) => Promise<T>;
/** What a console action's input must name: the org it acts in. */
type OrgScoped = z.ZodType<{ orgId: string }>;

/** Who may call an action and how it answers; with its input schema, what lists every action (tests, the API's document). */
type ActionKind = "console" | "console-read" | "self" | "self-form" | "public";
export type Declared = { kind: ActionKind; input: z.ZodType | null };

function declare<F extends (...args: never[]) => Promise<unknown>>(fn: F, kind: ActionKind, input: z.ZodType | null): F & { declared: Declared } {
  return Object.assign(fn, { declared: { kind, input } });
}

const UNAUTHENTICATED: ActionResult<never> = { ok: false, code: "UNAUTHENTICATED", refusal: "SESSION_ENDED", message: "Your session has ended. Log in again." };

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

function logFailure(error: unknown, requestId: string): void {
  // One JSON line; the id lets support find it without the user seeing internals (security.md J5, J6).
  console.error(JSON.stringify({ level: "error", msg: "action failed", requestId, error: logSafeMessage(error) }));
}

/** Maps what a command threw to what the browser may see; anything unexpected is logged, not shown. */
export function toResult(error: unknown, requestId: string): ActionResult<never> {
  const refused = toDomainError(error);
  if (refused instanceof DomainError) {
    const fieldErrors = refused.fieldErrors || refused.field ? { ...refused.fieldErrors, ...(refused.field ? { [refused.field]: refused.message } : {}) } : undefined;
    return { ok: false, code: refused.code, refusal: refused.refusal, message: refused.message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
  logFailure(error, requestId);
  return { ok: false, code: "ERROR", refusal: "UNEXPECTED", message: `Something went wrong. Try again; if it keeps happening, quote ${requestId.slice(0, 8)}.` };
}

async function requestMeta(): Promise<Meta> {
  return { ip: clientIp(await headers()), requestId: randomUUID() };
}

/** Runs the work; a write then refreshes what the pages show and wakes the mail outbox. */
async function run<T>(meta: Meta, work: (db: Db) => Promise<T>, after: { revalidate?: string; writes: boolean }): Promise<ActionResult<T>> {
  try {
    const data = await work(await getDb());
    if (after.revalidate) revalidatePath(after.revalidate, "layout");
    if (after.writes) kickOutbox(getDb);
    return { ok: true, data };
  } catch (error) {
    // Next's redirect and notFound travel as errors: they must reach Next, not the browser's toast.
    unstable_rethrow(error);
    return toResult(error, meta.requestId);
  }
}

/** The viewer, fresh from the database, and the input as the schema reads it — or why not. */
async function readRequest<S extends z.ZodType>(schema: S, raw: unknown): Promise<{ refused: ActionResult<never> } | { meta: Meta; viewer: Viewer; input: z.output<S> }> {
  const meta = await requestMeta();
  const viewer = await getViewer();
  if (!viewer) return { refused: UNAUTHENTICATED };
  try {
    return { meta, viewer, input: parseInput(schema, raw) };
  } catch (error) {
    return { refused: toResult(error, meta.requestId) };
  }
}

function orgAction<S extends OrgScoped, T>(schema: S, command: Command<z.output<S>, T>, writes: boolean) {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const request = await readRequest(schema, raw);
    if ("refused" in request) return request.refused;
    const { meta, viewer, input } = request;
    return run(meta, async (db) => command(db, await actorIn(db, viewer, input.orgId, meta), input), writes ? { revalidate: `/o/${input.orgId}`, writes } : { writes });
  };
  return declare(action, writes ? "console" : "console-read", schema);
}

/**
 * A console write: the viewer acting in the org named by `input.orgId` (NOT_FOUND outside their
 * reach), then the command, which authorizes itself; the org's pages are revalidated after.
 */
export function consoleAction<S extends OrgScoped, T>(schema: S, command: Command<z.output<S>, T>) {
  return orgAction(schema, command, true);
}

/** A console read (a search while typing): no revalidation, which would re-render the page on every keystroke. */
export function consoleRead<S extends OrgScoped, T>(schema: S, query: Command<z.output<S>, T>) {
  return orgAction(schema, query, false);
}

/** An action on your own account, acting in your own org. */
export function selfAction<S extends z.ZodType, T>(schema: S, command: Command<z.output<S>, T>, options: { writes?: boolean } = {}) {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const request = await readRequest(schema, raw);
    if ("refused" in request) return request.refused;
    const { meta, viewer, input } = request;
    const writes = options.writes ?? true;
    return run(meta, async (db) => command(db, await actorIn(db, viewer, viewer.org.id, meta), input), writes ? { revalidate: "/", writes } : { writes });
  };
  return declare(action, "self", schema);
}

/**
 * A button on your own account posted as a plain form (works before JavaScript loads): an ended
 * session goes to the login page; a failure is logged and shown by the error page.
 */
export function selfFormAction(command: (db: Db, actor: Actor) => Promise<void>) {
  const action = async (): Promise<void> => {
    const meta = await requestMeta();
    const viewer = await requireViewer();
    try {
      const db = await getDb();
      await command(db, await actorIn(db, viewer, viewer.org.id, meta));
    } catch (error) {
      unstable_rethrow(error);
      logFailure(error, meta.requestId);
      throw new Error(`Something went wrong (${meta.requestId.slice(0, 8)}).`);
    }
    revalidatePath("/", "layout");
  };
  return declare(action, "self-form", null);
}

/** An action anyone may call (token links, forgot password); the command rate-limits itself. */
export function publicAction<S extends z.ZodType, T>(schema: S, command: (db: Db, input: z.output<S>, meta: Meta) => Promise<T>) {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const meta = await requestMeta();
    return run(meta, async (db) => command(db, parseInput(schema, raw), meta), { writes: true });
  };
  return declare(action, "public", schema);
}
