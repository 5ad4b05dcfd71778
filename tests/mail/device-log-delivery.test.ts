// Send Device Log, delivered: the CSV is built when the mail goes out, over real SMTP, and holds
// exactly the period's entries about devices the target owns then and the sender may still see;
// another tenant's devices, other people's devices and the target's own entries stay out. The dev
// mailbox's download is the same file, under the mailbox's guard.
import { stringify } from "csv-stringify/sync";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, devices, organizations, outbox, roleGrants, roles } from "@/db/schema";
import { GET as downloadAttachment } from "@/app/dev/mailbox/[id]/attachment/route";
import type { Actor } from "@/lib/commands/actor";
import { isoInTimeZone } from "@/lib/format/iso-offset";
import { deliverDue, smtpTransport } from "@/lib/mail/deliver";
import { enqueueEmail } from "@/lib/mail/outbox";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { emailsTo, idOf, mullerAdmin } from "../helpers/fixtures";
import { attachmentsOf, startSmtpServer, type SmtpSink } from "../helpers/smtp";
import { sendDeviceLog } from "../helpers/commands";

const DAY = 86_400_000;
const HEADER = (zone: string) => [`Time (${zone})`, "Device", "Action", "By", "Details"];
const csv = (rows: string[][]) => `\ufeff${stringify(rows)}`;

let db: Db;
let sink: SmtpSink | undefined;
let acme: string;
let rita: string;
let muller: string;

beforeEach(async () => {
  db = await freshDemoDb();
  acme = await orgIdByName(db, "Acme Heating");
  muller = await orgIdByName(db, "Muller Boiler Group");
  rita = await idOf(db, "r@muller.test");
  // The target's org has its own zone; the sender's (Acme Heating) stays UTC.
  await db.update(organizations).set({ timezone: "Europe/Berlin" }).where(eq(organizations.id, muller));
});

afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

async function deviceId(orgId: string, name: string): Promise<string> {
  const [row] = await db.select({ id: devices.id }).from(devices).where(and(eq(devices.orgId, orgId), eq(devices.name, name)));
  return row!.id;
}

/** Whole seconds, some days ago: the audit row's time, exactly as the CSV must say it. */
const daysAgo = (days: number) => new Date(Math.floor((Date.now() - days * DAY) / 1000) * 1000);

type Entry = { tenantId?: string; targetType?: string; targetId: string; action: string; at: Date; before?: unknown; after?: unknown };

/** An audit row as a device command writes it, by Alice, at a chosen time. */
async function entry(e: Entry): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: e.tenantId ?? acme,
    orgId: muller,
    actorId: await idOf(db, "admin@acme.test"),
    actorEmail: "admin@acme.test",
    actorName: "Alice Adams",
    action: e.action,
    targetType: e.targetType ?? "device",
    targetId: e.targetId,
    before: e.before ?? null,
    after: e.after ?? null,
    createdAt: e.at,
  });
}

async function sendAndDeliver(actor: Actor, days: 7 | 30 | 90 = 30): Promise<{ filename: string; contentType: string; text: string }> {
  await sendDeviceLog(db, actor, { orgId: actor.org.id, userId: rita, days });
  sink ??= await startSmtpServer();
  expect(await deliverDue(db, smtpTransport(sink.url))).toEqual({ sent: 1, failed: 0 });
  const mail = sink.received.at(-1)!;
  expect(mail.to).toEqual([actor.viewer.email]);
  const [attachment, ...more] = attachmentsOf(mail);
  expect(more).toEqual([]);
  return attachment!;
}

describe("a delivered device log", () => {
  it("carries the CSV of exactly the period's entries about the target's devices, times in the target's org zone", async () => {
    const thermostat = await deviceId(muller, "Thermostat");
    const boiler = await deviceId(muller, "Boiler");
    const globex = await orgIdByName(db, "Globex");
    const waterHeater = await deviceId(globex, "Water Heater");
    // A second device of Rita's whose name a spreadsheet would run as a formula (security.md F4).
    const [probe] = await db.insert(devices).values({ tenantId: acme, orgId: muller, name: "=HYPERLINK(\"x\")", model: "T-1", ownerId: rita }).returning();

    const transferred = daysAgo(3);
    const created = daysAgo(1);
    await entry({ targetId: thermostat, action: "device_transferred", at: transferred, before: { owner: "Walter Muller" }, after: { owner: "Rita Muller" } });
    await entry({ targetId: probe!.id, action: "device_created", at: created, after: { model: "T-1", owner: "Rita Muller" } });
    // Left out: before the period, someone else's device, another tenant's device (also under a
    // forged tenant id), and an entry about Rita herself rather than a device.
    await entry({ targetId: thermostat, action: "device_transferred", at: daysAgo(40), after: { owner: "Rita Muller" } });
    await entry({ targetId: boiler, action: "device_created", at: daysAgo(2), after: { model: "B-35" } });
    await entry({ tenantId: globex, targetId: waterHeater, action: "device_created", at: daysAgo(2), after: { model: "W-1" } });
    await entry({ targetId: waterHeater, action: "device_created", at: daysAgo(2), after: { model: "W-1" } });
    await entry({ targetType: "user", targetId: rita, action: "user_updated", at: daysAgo(1), before: { name: "Rita" }, after: { name: "Rita Muller" } });

    const file = await sendAndDeliver(await actorFor(db, "admin@acme.test"));
    expect(file.filename).toMatch(/^device-log-30-days-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.contentType).toBe("text/csv");
    expect(file.text).toBe(
      csv([
        HEADER("Europe/Berlin"),
        [isoInTimeZone(transferred, "Europe/Berlin"), "Thermostat", "Device transferred", "Alice Adams <admin@acme.test>", "Owner now Rita Muller (was Walter Muller)"],
        [isoInTimeZone(created, "Europe/Berlin"), `'=HYPERLINK("x")`, "Device created", "Alice Adams <admin@acme.test>", "Model T-1. Owned by Rita Muller"],
      ]),
    );
    expect(file.text).toMatch(/\+0[12]:00,Thermostat/);
    expect(await db.select({ status: outbox.status }).from(outbox)).toEqual([{ status: "sent" }]);
  });

  it("is built from what holds at delivery: the devices Rita owns then, within the sender's reach then", async () => {
    const thermostat = await deviceId(muller, "Thermostat");
    const boiler = await deviceId(muller, "Boiler");
    const united = await orgIdByName(db, "United Heaters Inc.");
    // A device of Rita's in a sibling org of Muller: Alice (root) sees it, Muller's Admin does not.
    const [sibling] = await db.insert(devices).values({ tenantId: acme, orgId: united, name: "Sibling Unit", ownerId: rita }).returning();
    for (const id of [thermostat, boiler, sibling!.id]) await entry({ targetId: id, action: "device_created", at: daysAgo(2), after: { model: "M" } });

    const boss = await mullerAdmin(db);
    await sendDeviceLog(db, boss, { orgId: boss.org.id, userId: rita, days: 7 });
    // Between the request and the delivery, the thermostat goes to Walter and the boiler to Rita.
    await db.update(devices).set({ ownerId: await idOf(db, "w@muller.test") }).where(eq(devices.id, thermostat));
    await db.update(devices).set({ ownerId: rita }).where(eq(devices.id, boiler));
    sink = await startSmtpServer();
    await deliverDue(db, smtpTransport(sink.url));
    const names = (text: string) => text.split("\n").slice(1, -1).map((line) => line.split(",")[1]);
    // (The fixture's invitation of Muller's Admin went out too.)
    const toBoss = sink.received.find((m) => m.to[0] === boss.viewer.email && attachmentsOf(m).length);
    expect(names(attachmentsOf(toBoss!)[0]!.text)).toEqual(["Boiler"]);

    const alice = await sendAndDeliver(await actorFor(db, "admin@acme.test"), 7);
    expect(names(alice.text)).toEqual(["Boiler", "Sibling Unit"]);
  });

  it("a sender who lost the permission before delivery gets the header alone", async () => {
    await entry({ targetId: await deviceId(muller, "Thermostat"), action: "device_created", at: daysAgo(1), after: { model: "M" } });
    const staff = await actorFor(db, "staff@acme.test");
    await sendDeviceLog(db, staff, { orgId: staff.org.id, userId: rita, days: 7 });
    const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, acme), eq(roles.key, "staff")));
    await db.delete(roleGrants).where(and(eq(roleGrants.roleId, role!.id), eq(roleGrants.permission, "users.send_device_log")));
    sink = await startSmtpServer();
    expect(await deliverDue(db, smtpTransport(sink.url))).toEqual({ sent: 1, failed: 0 });
    expect(attachmentsOf(sink.received[0]!)[0]!.text).toBe(csv([HEADER("UTC")]));
  });

  it("reads the log a page at a time: 1,201 entries arrive whole and in order", async () => {
    const thermostat = await deviceId(muller, "Thermostat");
    const alice = await idOf(db, "admin@acme.test");
    await db.execute(sql`
      INSERT INTO audit_log (tenant_id, actor_id, actor_email, actor_name, action, target_type, target_id, after, created_at)
      SELECT ${acme}::uuid, ${alice}::uuid, 'admin@acme.test', 'Alice Adams', 'device_transferred', 'device', ${thermostat}::uuid,
             jsonb_build_object('owner', 'Owner ' || i), now() - interval '6 days' + i * interval '1 second'
      FROM generate_series(1, 1201) AS i`);
    const file = await sendAndDeliver(await actorFor(db, "admin@acme.test"), 7);
    const lines = file.text.trimEnd().split("\n");
    expect(lines).toHaveLength(1202);
    expect(lines.slice(1).map((l) => /Owner now (Owner \d+)/.exec(l)![1])).toEqual(Array.from({ length: 1201 }, (_, i) => `Owner ${i + 1}`));
  });
});

describe("the dev mailbox's download", () => {
  const get = (id: string) => downloadAttachment(new Request(`http://localhost/dev/mailbox/${id}/attachment`), { params: Promise.resolve({ id }) });

  it("streams the same CSV for a mail with an attachment; 404 for any other id", async () => {
    await entry({ targetId: await deviceId(muller, "Thermostat"), action: "device_created", at: daysAgo(1), after: { model: "M" } });
    const alice = await actorFor(db, "admin@acme.test");
    await sendDeviceLog(db, alice, { orgId: alice.org.id, userId: rita, days: 7 });
    await enqueueEmail(db, acme, { kind: "plain", to: "x@acme.test", subject: "No file", text: "Hello" });
    const [mail] = await emailsTo(db, "admin@acme.test");
    const [plain] = await emailsTo(db, "x@acme.test");

    const response = await get(mail!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="device-log-7-days-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text.split("\n")[1]).toMatch(/,Thermostat,Device created,Alice Adams <admin@acme.test>,Model M\. No owner\r?$/);

    // Delivered over SMTP, the attachment is the same file.
    sink = await startSmtpServer();
    await deliverDue(db, smtpTransport(sink.url));
    // (Response.text() drops the byte-order mark the file starts with.)
    expect(attachmentsOf(sink.received[0]!)[0]!.text).toBe(`\ufeff${text}`);

    for (const id of [plain!.id, crypto.randomUUID(), "not-a-uuid"]) expect((await get(id)).status).toBe(404);
  });

  it("is a 404 where real mail goes out (SMTP configured), as the mailbox page is", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    await sendDeviceLog(db, alice, { orgId: alice.org.id, userId: rita, days: 7 });
    const [mail] = await emailsTo(db, "admin@acme.test");
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:25");
    vi.resetModules();
    try {
      const route = await import("@/app/dev/mailbox/[id]/attachment/route");
      const response = await route.GET(new Request("http://localhost/"), { params: Promise.resolve({ id: mail!.id }) });
      expect(response.status).toBe(404);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
