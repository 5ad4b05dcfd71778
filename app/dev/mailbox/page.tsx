import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { attachmentName } from "@/lib/mail/attachments";
import { latestMail, mailboxEnabled } from "@/lib/mail/mailbox";
import { prepareSignupRequests } from "@/lib/signup/prepare";
import { prepareResetRequests } from "@/lib/users/commands/account-recovery";

export const metadata: Metadata = { title: "Mailbox (development)", referrer: "no-referrer" };

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** Renders an email's text with its links clickable; everything stays text (no HTML injection). */
function Body({ text }: { text: string }) {
  return (
    <pre className="mt-3 whitespace-pre-wrap font-sans text-sm text-slate-700">
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/** A mail's attachment as a download, built when it is clicked, as delivery would build it. */
function Attachment({ mailId, name }: { mailId: string; name: string | null }) {
  if (!name) return null;
  return (
    <p className="mt-3 flex flex-wrap items-baseline gap-x-1.5 border-t border-slate-100 pt-3 text-sm">
      <span className="text-slate-500">Attachment:</span>
      <a href={`/dev/mailbox/${mailId}/attachment`} download={name} className="font-medium text-brand-700 underline">
        {name}
      </a>
    </p>
  );
}

export default async function MailboxPage() {
  await connection();
  if (!mailboxEnabled()) notFound();
  const db = await getDb();
  // A reset or sign-up answered a moment ago may still be waiting for its after-response step.
  await prepareResetRequests(db);
  await prepareSignupRequests(db);
  const mail = await latestMail(db);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Emails Roster would have sent. No SMTP server is configured (set <code>SMTP_URL</code> to deliver them), so they wait here. Development only.
      </p>
      {mail.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">
          No emails yet. Invite a user or ask for a password reset, and the email appears here.
        </p>
      ) : (
        <ul className="mt-6 space-y-4">
          {mail.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs" data-testid="mail">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium text-slate-900">{m.subject}</p>
                <time className="text-xs text-slate-500" dateTime={m.createdAt.toISOString()}>
                  {m.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                </time>
              </div>
              <p className="text-xs text-slate-500">To: {m.to}</p>
              <Body text={m.text} />
              <Attachment mailId={m.id} name={m.attachment ? attachmentName(m.attachment) : null} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
