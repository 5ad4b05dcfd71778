// A real SMTP server (the `smtp-server` package) on a random local port, recording what it
// receives; and a port that is certainly closed, for "SMTP is down".
import net from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string; body: string };

export type SmtpSink = { port: number; url: string; received: ReceivedMail[]; close: () => Promise<void> };

/** Undoes quoted-printable soft line breaks and escapes, so a long link reads as one string. */
function decodeBody(raw: string): string {
  const body = raw.split(/\r?\n\r?\n/).slice(1).join("\n\n");
  return body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Starts a plain-text SMTP server on 127.0.0.1 (no TLS, no auth); `delayMs` slows each accepted message. */
export async function startSmtpServer(options: { delayMs?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // No reverse DNS of 127.0.0.1 per connection (it costs ~150 ms here).
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, body: decodeBody(raw) });
        setTimeout(() => callback(), options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local port nothing listens on: bound once by the OS, then released. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export type ReceivedAttachment = { filename: string; contentType: string; text: string };

/** The attachments of a received multipart mail, decoded (base64 or quoted-printable) to text. */
export function attachmentsOf(mail: ReceivedMail): ReceivedAttachment[] {
  const unfolded = mail.raw.replace(/\r?\n[ \t]+/g, " ");
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfolded)?.[1];
  if (!boundary) return [];
  return unfolded
    .split(`--${boundary}`)
    .map((part) => {
      const [head = "", ...rest] = part.split(/\r?\n\r?\n/);
      const filename = /Content-Disposition:\s*attachment;\s*filename="?([^";\r\n]+)"?/i.exec(head)?.[1];
      if (!filename) return null;
      const body = rest.join("\n\n");
      const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
      const text =
        encoding === "base64"
          ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
          : encoding === "quoted-printable"
            ? Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8")
            : body;
      return { filename, contentType: /Content-Type:\s*([^;\r\n]+)/i.exec(head)?.[1] ?? "", text };
    })
    .filter((a): a is ReceivedAttachment => a !== null);
}
