// security.md A1/B1: every server action, called with no session, is refused and writes nothing.
// The actions are found by listing app/**/actions.ts, so a new action is covered (and must
// refuse) without anyone remembering to add it here. Only the request is mocked — headers,
// cookies and revalidatePath, which exist only inside a Next.js request — never the database.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Declared } from "@/lib/action";
import { encode } from "next-auth/jwt";
import { installPeerStamp, PEER_HEADER, peerStampFor } from "@/lib/auth/peer-stamp.cjs";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { JOIN_UNAVAILABLE } from "@/lib/signup/messages";
import { LINK_EXPIRED } from "@/lib/users/commands/account-recovery";

import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { idOf, openSession } from "../helpers/fixtures";
import { snapshot } from "../helpers/snapshot";
import * as commands from "../helpers/commands";
import { forceLogout } from "../helpers/commands";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => {
    const jar = new Map((request.headers.get("cookie") ?? "").split(/;\s*/).filter(Boolean).map((c) => c.split("=", 2) as [string, string]));
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: () => undefined,
      delete: () => undefined,
    };
  },
}));
/** A request as this process's server would hand it over: the socket address stamped (lib/auth/peer-stamp.ts). */
installPeerStamp(0);
const requestHeaders = (extra: Record<string, string>) => new Headers({ host: "localhost:3000", [PEER_HEADER]: peerStampFor("127.0.0.1"), ...extra });

// Work an action leaves for after its answer (next/server's after()) runs once the action returns,
// and is checked like the rest: for a refused request it must write nothing either.
const afterResponse = vi.hoisted(() => ({ pending: [] as (() => unknown)[] }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), after: (work: () => unknown) => void afterResponse.pending.push(work) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const APP = path.resolve(__dirname, "../../app");
const SOURCES = (fs.readdirSync(APP, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(APP, f)).sort();
const isServerActionFile = (source: string) => /^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*["']use server["']/.test(source);
// Every file of actions: app/**/actions.ts and any other module whose first statement is "use server".
const ACTION_FILES = SOURCES.filter((f) => path.basename(f) === "actions.ts" || isServerActionFile(fs.readFileSync(f, "utf8")));

type Exported = { file: string; name: string; fn: ((...args: unknown[]) => Promise<unknown>) & { declared?: Declared } };
async function exportedActions(): Promise<Exported[]> {
  const out: Exported[] = [];
  for (const file of ACTION_FILES) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      expect(typeof value, `${file}#${name} must be a function ("use server" files export only actions)`).toBe("function");
      out.push({ file: path.relative(APP, file), name, fn: value as Exported["fn"] });
    }
  }
  return out;
}

/** Actions that do not go through consoleAction/selfAction, and what "refused" means for them. */
const NOT_RESULT_SHAPED: Record<string, "login-failed" | "redirect-to-login" | "link-expired" | "uniform-ok" | "invalid-input" | "join-unavailable"> = {
  // Public token pages: anyone may call them; a link that is not a live token is refused.
  acceptInvitationAction: "link-expired",
  resetPasswordAction: "link-expired",
  finishSignupAction: "link-expired",
  // Sign-up is open to anyone: what it refuses is input the server's policy does not accept.
  requestSignupAction: "invalid-input",
  // A join link that names no joinable tenant.
  requestJoinAction: "join-unavailable",
  // Forgot password answers the same for every address; for an unknown one nothing is written.
  requestPasswordResetAction: "uniform-ok",
  // The login form itself: without credentials it answers the generic failure.
  loginAction: "login-failed",
  // Logging out without a session only sends the browser to /login.
  logoutAction: "redirect-to-login",
  // requireViewer() redirects to /login before anything else runs.
  endOtherSessionsAction: "redirect-to-login",
  logOutEverywhereAction: "redirect-to-login",
};

let db: Db;
let inputs: Record<string, unknown[]>;
beforeEach(async () => {
  db = await freshDemoDb();
  request.headers = requestHeaders({});
  const orgId = await orgIdByName(db, "Acme Heating");
  const userIds = [await idOf(db, "user@acme.test")];
  const userId = userIds[0]!;
  const form = new FormData();
  // Inputs that would succeed for an Admin, so a refusal is the missing session's doing.
  inputs = {
    inviteUserAction: [{ orgId, name: "Probe", email: "probe@acme.test", role: "user", locationIds: [] }],
    editUserAction: [{ orgId, userId, name: "Renamed", role: "user", locationIds: [] }],
    changeRolesAction: [{ orgId, userIds, role: "staff" }],
    setUserPasswordAction: [{ orgId, userId, password: "a-brand-new-passphrase" }],
    forceLogoutAction: [{ orgId, userIds }],
    suspendUsersAction: [{ orgId, userIds }],
    reactivateUsersAction: [{ orgId, userIds }],
    transferUserAction: [{ orgId, userId, destination: { orgId: await orgIdByName(db, "Hill Cottage") }, role: "user" }],
    deleteUsersAction: [{ orgId, userIds, confirm: "DELETE" }],
    resendInvitationsAction: [{ orgId, userIds }],
    revokeInvitationsAction: [{ orgId, userIds }],
    sendDeviceLogAction: [{ orgId, userId, days: 7 }],
    applyTagAction: [{ orgId, userIds, tag: { name: "Probe" } }],
    removeTagAction: [{ orgId, userIds, tagId: crypto.randomUUID() }],
    applyDeviceTagAction: [{ orgId, deviceIds: [crypto.randomUUID()], tag: { name: "Probe" } }],
    removeDeviceTagAction: [{ orgId, deviceIds: [crypto.randomUUID()], tagId: crypto.randomUUID() }],
    createTagAction: [{ orgId, name: "Probe", color: "teal" }],
    transferDeviceAction: [{ orgId, deviceId: crypto.randomUUID(), newOwnerId: null }],
    editDeviceAction: [{ orgId, deviceId: crypto.randomUUID(), name: "Probe", model: "" }],
    deleteDevicesAction: [{ orgId, deviceIds: [crypto.randomUUID()], confirm: "DELETE" }],
    searchOwnersAction: [{ orgId, inOrgId: orgId, q: "" }],
    updateSelfSignupAction: [{ orgId: await orgIdByName(db, "Initech Climate"), enabled: true, role: "user", domains: ["initech.test"], handle: "initech-climate" }],
    changeOwnPasswordAction: [{ currentPassword: "roster-demo-1", newPassword: "a-brand-new-passphrase" }],
    setDeveloperModeAction: [{ enabled: false }],
    updateOwnDetailsAction: [{ name: "Renamed", phone: "+1 555 0100" }],
    loginAction: [{ error: null, email: "" }, form],
    acceptInvitationAction: [{ token: "A".repeat(43), password: "a-brand-new-passphrase" }],
    resetPasswordAction: [{ token: "B".repeat(43), password: "a-brand-new-passphrase" }],
    requestPasswordResetAction: [{ email: "nobody@nowhere.test" }],
    requestSignupAction: [{ name: "Probe", email: "probe@nowhere.test", password: "password123", orgName: "Probe Org" }],
    requestJoinAction: [{ handle: "no-such-tenant", name: "Probe", email: "probe@nowhere.test", password: "a-brand-new-passphrase" }],
    finishSignupAction: [{ token: "C".repeat(43) }],
    logoutAction: [],
    endOtherSessionsAction: [],
    logOutEverywhereAction: [],
  };
});

async function sessionCookie(email: string): Promise<string> {
  const claims = await openSession(db, email);
  const name = env.APP_URL.startsWith("https://") ? "__Host-roster.session" : "roster.session";
  const token = await encode({ token: { sub: claims.uid, uid: claims.uid, sid: claims.sid, sv: claims.sv }, secret: authSecret(), salt: name, maxAge: 3600 });
  return `${name}=${token}`;
}

const isRedirectToLogin = (error: unknown) => error instanceof Error && /NEXT_REDIRECT/.test(error.message) && /\/login/.test(String((error as { digest?: unknown }).digest));

describe("deny by default: every server action without a session", () => {
  it("finds the actions (the list cannot silently be empty)", async () => {
    const names = (await exportedActions()).map((a) => a.name);
    expect(ACTION_FILES.length).toBeGreaterThanOrEqual(5);
    expect(names).toEqual(expect.arrayContaining(["inviteUserAction", "deleteUsersAction", "transferDeviceAction", "searchOwnersAction", "changeOwnPasswordAction", "loginAction", "acceptInvitationAction"]));
  });

  it("declares every action through a wrapper of lib/action.ts, with its input schema (the Auth.js login and logout aside)", async () => {
    const undeclared: string[] = [];
    for (const { file, name, fn } of await exportedActions()) {
      const { declared } = fn;
      if (name === "loginAction" || name === "logoutAction") continue;
      if (!declared) undeclared.push(`${file}#${name}`);
      else if (declared.kind !== "self-form") expect(declared.input, `${file}#${name}`).toHaveProperty("safeParse");
    }
    expect(undeclared).toEqual([]);
  });

  it("calls each command in the tests with the schema its action declares", async () => {
    const actions = new Map((await exportedActions()).map((a) => [a.name, a.fn]));
    const pairs = Object.entries(commands).filter(([, run]) => "schema" in run);
    expect(pairs.length).toBeGreaterThanOrEqual(25);
    for (const [name, run] of pairs) expect(actions.get(`${name}Action`)?.declared?.input, name).toBe(run.schema);
  });

  it("has no inline server actions: \"use server\" appears only as a file's first statement (security.md B6)", () => {
    for (const file of SOURCES) {
      const source = fs.readFileSync(file, "utf8");
      if (/["']use server["']/.test(source)) expect(isServerActionFile(source), path.relative(APP, file)).toBe(true);
    }
  });

  it("refuses every exported action and writes nothing", async () => {
    const actions = await exportedActions();
    for (const { file, name, fn } of actions) {
      const label = `${file}#${name}`;
      const before = await snapshot(db);
      const outcome = await fn(...(inputs[name] ?? [{ orgId: await orgIdByName(db, "Acme Heating"), userIds: [await idOf(db, "user@acme.test")] }])).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      for (const work of afterResponse.pending.splice(0)) await work();
      const expected = NOT_RESULT_SHAPED[name];
      if (expected === "login-failed") expect(outcome, label).toEqual({ value: { error: "Invalid email or password.", email: "" } });
      else if (expected === "link-expired") expect(outcome, label).toEqual({ value: { ok: false, code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED } });
      else if (expected === "uniform-ok") expect(outcome, label).toEqual({ value: { ok: true, data: undefined } });
      else if (expected === "invalid-input") expect(outcome, label).toMatchObject({ value: { ok: false, code: "INVALID" } });
      else if (expected === "join-unavailable") expect(outcome, label).toEqual({ value: { ok: false, code: "NOT_FOUND", refusal: "JOIN_UNAVAILABLE", message: JOIN_UNAVAILABLE } });
      else if (expected === "redirect-to-login") expect("error" in outcome && isRedirectToLogin(outcome.error), label).toBe(true);
      else expect(outcome, label).toEqual({ value: { ok: false, code: "UNAUTHENTICATED", refusal: "SESSION_ENDED", message: "Your session has ended. Log in again." } });
      expect(await snapshot(db), label).toEqual(before);
    }
  });

  it("refuses a forged or garbage session cookie the same way", async () => {
    request.headers = requestHeaders({ cookie: "roster.session=eyJhbGciOiJub25lIn0.eyJ1aWQiOiJ4In0." });
    const { inviteUserAction } = await import("@/app/(console)/o/[orgId]/users/actions");
    const before = await snapshot(db);
    expect(await inviteUserAction(inputs.inviteUserAction![0] as never)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("control: the same harness with a real session", () => {
  it("answers a read (the owner search) for an Admin's session and refuses it without one", async () => {
    request.headers = requestHeaders({ cookie: await sessionCookie("admin@acme.test") });
    const { searchOwnersAction } = await import("@/app/(console)/o/[orgId]/devices/actions");
    const muller = await orgIdByName(db, "Muller Boiler Group");
    const found = await searchOwnersAction({ orgId: await orgIdByName(db, "Acme Heating"), inOrgId: muller, q: "rita" });
    expect(found).toMatchObject({ ok: true, data: { owners: [{ email: "r@muller.test" }], more: false } });
    request.headers = requestHeaders({ cookie: await sessionCookie("user@acme.test") });
    expect(await searchOwnersAction({ orgId: await orgIdByName(db, "Acme Heating"), inOrgId: muller, q: "" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("lets an Admin's valid session through, and refuses it once the session is revoked (security.md D1)", async () => {
    request.headers = requestHeaders({ cookie: await sessionCookie("admin@acme.test") });
    const { inviteUserAction, changeRolesAction } = await import("@/app/(console)/o/[orgId]/users/actions");
    expect(await inviteUserAction(inputs.inviteUserAction![0] as never)).toMatchObject({ ok: true });
    expect((await userByEmail(db, "probe@acme.test")).acceptedAt).toBeNull();

    const staffCookie = await sessionCookie("staff@acme.test");
    const admin = await actorFor(db, "admin@acme.test");
    await forceLogout(db, admin, { orgId: admin.org.id, userIds: [await idOf(db, "staff@acme.test")] });
    request.headers = requestHeaders({ cookie: staffCookie });
    const before = await snapshot(db);
    expect(await changeRolesAction(inputs.changeRolesAction![0] as never)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("the CSV export route handler", () => {
  const call = async (orgId: string, query = "") => {
    const { GET } = await import("@/app/api/o/[orgId]/users/export/route");
    return GET(new Request(`http://localhost:3000/api/o/${orgId}/users/export${query}`), { params: Promise.resolve({ orgId }) });
  };

  it("answers 401 and no data without a session", async () => {
    const response = await call(await orgIdByName(db, "Acme Heating"), "?scope=reach");
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("@");
  });

  it("control: with a session it streams this tenant's rows only; another tenant's org is 404", async () => {
    request.headers = requestHeaders({ cookie: await sessionCookie("admin@acme.test") });
    const response = await call(await orgIdByName(db, "Acme Heating"), "?scope=reach&q=.test");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const csv = await response.text();
    expect(csv).toContain("r@muller.test");
    expect(csv).not.toContain("globex");
    const foreign = await call(await orgIdByName(db, "Globex"));
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe("Not found");
  });
});

