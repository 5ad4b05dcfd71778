// security.md K7 and the outbox (architecture.md): commands queue mail in their transaction;
// delivery happens later, over real SMTP (a local `smtp-server`), and never fails a command.
// SMTP down keeps the mail pending with a back-off; after MAX_ATTEMPTS it is parked as failed,
// still in the table. Concurrent deliveries never send a message twice (Postgres only).
import net from "node:net";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { env } from "@/lib/env";
import { backoffMs, deliverDue, MAX_ATTEMPTS, smtpTransport } from "@/lib/mail/deliver";
import { latestMail } from "@/lib/mail/mailbox";
import { enqueueEmail } from "@/lib/mail/outbox";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { describePostgres, race, rejected, tally } from "../helpers/race";
import { closedPort, startSmtpServer, type SmtpSink } from "../helpers/smtp";
import { acceptInvitation, inviteUser } from "../helpers/commands";

let db: Db;
let sink: SmtpSink | undefined;

beforeEach(async () => {
  db = await freshDemoDb();
});

afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

afterAll(() => {
  // kickOutbox leaves a 30 s retry timer on a process-wide holder; stop it with this file.
  const holder = (globalThis as { __roster_mailer?: { timer?: NodeJS.Timeout } }).__roster_mailer;
  if (holder?.timer) clearInterval(holder.timer);
  delete (globalThis as { __roster_mailer?: unknown }).__roster_mailer;
});

const rows = () => db.select().from(outbox).orderBy(asc(outbox.createdAt), asc(outbox.id));

async function invite(email: string) {
  const alice = await actorFor(db, "admin@acme.test");
  return inviteUser(db, alice, { orgId: alice.org.id, name: "Mail Person", email, role: "user", locationIds: [] });
}

async function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe("K7: mail goes out through the outbox over real SMTP", () => {
  it("delivers queued invitations, marks them sent, and the link in the received mail works", async () => {
    await invite("mail-1@example.test");
    await invite("mail-2@example.test");
    expect((await rows()).map((r) => [r.toAddress, r.status, r.attempts])).toEqual([
      ["mail-1@example.test", "pending", 0],
      ["mail-2@example.test", "pending", 0],
    ]);

    sink = await startSmtpServer();
    const result = await deliverDue(db, smtpTransport(sink.url));
    expect(result).toEqual({ sent: 2, failed: 0 });
    expect(sink.received.map((m) => m.to)).toEqual([["mail-1@example.test"], ["mail-2@example.test"]]);
    for (const mail of sink.received) {
      expect(mail.from).toBe("no-reply@roster.local");
      expect(mail.raw).toMatch(/^Subject: Alice Adams invited you to Acme Heating on Roster\r?$/m);
      expect(mail.body).toMatch(new RegExp(`${env.APP_URL.replace(/\/$/, "").replace(/[.:/]/g, "\\$&")}/invite/[A-Za-z0-9_-]{43}\\b`));
    }
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
    }

    // The link as received over SMTP is the one that works.
    const token = sink.received[0]!.body.match(/\/invite\/([A-Za-z0-9_-]{43})\b/)![1]!;
    await expect(acceptInvitation(db, { token, password: "violet-harbour-lantern-42" }, { ip: "10.1.1.1" })).resolves.toEqual({ email: "mail-1@example.test" });

    // Nothing is due any more: a second run sends nothing.
    expect(await deliverDue(db, smtpTransport(sink.url))).toEqual({ sent: 0, failed: 0 });
    expect(sink.received).toHaveLength(2);
  });

  it("SMTP down: the invite succeeds, the after-commit kick fails quietly, the mail stays pending with a back-off and the error", async () => {
    const port = await closedPort();
    expect(await refusesConnections(port)).toBe(true);
    // The app's kick reads SMTP_URL from its environment: load the mailer with it pointing at the closed port.
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    vi.resetModules();
    const { kickOutbox } = await import("@/lib/mail/deliver");
    vi.unstubAllEnvs();

    const started = new Date();
    const { userId } = await invite("down@example.test");
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => kickOutbox(() => Promise.resolve(db))).not.toThrow();
    await vi.waitFor(async () => expect((await rows())[0]?.attempts).toBe(1), { timeout: 5_000, interval: 50 });

    const [row] = await rows();
    expect(row).toMatchObject({ toAddress: "down@example.test", status: "pending", attempts: 1, sentAt: null });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    // First retry 30 s later (+ up to 20 % jitter).
    const wait = row!.nextAttemptAt.getTime() - started.getTime();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThan(36_000 + 5_000);
    // It is not due again before then, and the dev mailbox still lists it.
    expect(await deliverDue(db, smtpTransport(`smtp://127.0.0.1:${port}`))).toEqual({ sent: 0, failed: 0 });
    expect((await latestMail(db)).map((m) => [m.to, m.status])).toEqual([["down@example.test", "pending"]]);

    // Once SMTP is back and the time has come, it goes out.
    sink = await startSmtpServer();
    expect(await deliverDue(db, smtpTransport(sink.url), new Date(row!.nextAttemptAt.getTime() + 1))).toEqual({ sent: 1, failed: 0 });
    expect(sink.received.map((m) => m.to)).toEqual([["down@example.test"]]);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it(`after ${MAX_ATTEMPTS} failed attempts the mail is parked as failed, still in the table; back-off doubles, capped at 1 h`, async () => {
    await invite("parked@example.test");
    const down = smtpTransport(`smtp://127.0.0.1:${await closedPort()}`);
    let now = new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverDue(db, down, now)).toEqual({ sent: 0, failed: 1 });
      const [row] = await rows();
      expect(row!.attempts).toBe(attempt);
      expect(row!.status).toBe(attempt < MAX_ATTEMPTS ? "pending" : "failed");
      expect(row!.lastError).toMatch(/ECONNREFUSED/);
      waits.push(row!.nextAttemptAt.getTime() - now.getTime());
      now = new Date(row!.nextAttemptAt.getTime() + 1);
    }
    waits.forEach((wait, i) => {
      const base = Math.min(30_000 * 2 ** i, 3_600_000);
      expect(wait, `attempt ${i + 1}`).toBeGreaterThanOrEqual(base);
      expect(wait, `attempt ${i + 1}`).toBeLessThanOrEqual(base * 1.2);
    });
    expect(backoffMs(20)).toBeLessThanOrEqual(3_600_000 * 1.2);

    // Parked: a working SMTP a day later does not pick it up, and the row is kept.
    sink = await startSmtpServer();
    expect(await deliverDue(db, smtpTransport(sink.url), new Date(now.getTime() + 86_400_000))).toEqual({ sent: 0, failed: 0 });
    expect(sink.received).toEqual([]);
    expect((await rows()).map((r) => [r.toAddress, r.status, r.attempts])).toEqual([["parked@example.test", "failed", MAX_ATTEMPTS]]);
  });

  it("one bad message does not hold back the others in its batch", async () => {
    sink = await startSmtpServer();
    await invite("good-1@example.test");
    await db.transaction((tx) => enqueueEmail(tx, null, { kind: "test", to: "not an address", subject: "Broken", text: "x" }));
    await invite("good-2@example.test");
    const result = await deliverDue(db, smtpTransport(sink.url));
    expect(result).toEqual({ sent: 2, failed: 1 });
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(["good-1@example.test", "good-2@example.test"]);
    const broken = (await rows()).find((r) => r.subject === "Broken");
    expect(broken).toMatchObject({ status: "pending", attempts: 1 });
    expect(broken!.lastError).toBeTruthy();
  });
});

describePostgres("K7: concurrent deliveries never send a message twice (FOR UPDATE SKIP LOCKED)", () => {
  // smtp-server waits 100 ms before its greeting (early-talker check), so a batch of 20 takes ~3 s.
  const ROUNDS = 3;
  const MAILS = 25;
  it(`5 deliverDue runs released together over ${MAILS} queued mails, ${ROUNDS} rounds: every mail received exactly once`, { timeout: 60_000 }, async () => {
    sink = await startSmtpServer();
    const transport = smtpTransport(sink.url);
    const problems: string[] = [];
    const splits: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db.delete(outbox);
      sink.received.length = 0;
      await db.transaction(async (tx) => {
        for (let i = 0; i < MAILS; i++) await enqueueEmail(tx, null, { kind: "test", to: `r${round}-m${i}@example.test`, subject: `Round ${round} mail ${i}`, text: "hello" });
      });
      const outcome = await race(db, Array.from({ length: 5 }, () => (g: Db) => deliverDue(g, transport)));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: 5 });
      const errors = rejected(outcome.results);
      if (errors.length) problems.push(`round ${round}: ${errors.map(String).join(" | ")}`);
      const counts = outcome.results.map((r) => (r.status === "fulfilled" ? r.value.sent : 0));
      splits.push(counts.filter((n) => n > 0).sort((a, b) => b - a).join("+"));
      const sent = counts.reduce((a, b) => a + b, 0);
      const recipients = sink.received.map((m) => m.to[0]!);
      if (sent !== MAILS || recipients.length !== MAILS || new Set(recipients).size !== MAILS) {
        problems.push(`round ${round}: sent ${sent}, received ${recipients.length} (${new Set(recipients).size} distinct)`);
      }
      const [state] = await db.select({ notSent: sql<number>`count(*) filter (where ${outbox.status} <> 'sent')::int`, twice: sql<number>`count(*) filter (where ${outbox.attempts} <> 1)::int` }).from(outbox);
      if (state?.notSent !== 0 || state?.twice !== 0) problems.push(`round ${round}: ${JSON.stringify(state)}`);
    }
    console.info(`K7 concurrent delivery: ${ROUNDS} rounds x 5 deliverers x ${MAILS} mails, ${problems.length} problems; how the mails were split: ${JSON.stringify(tally(splits))}`);
    expect(problems).toEqual([]);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.status, "sent"))).toEqual([{ n: MAILS }]);
  });
});
