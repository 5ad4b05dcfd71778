// Roster's HTTP entry point: Next.js behind a thin Node server whose one job is to tell the
// app the socket's address. Next does not expose it, and a client-sent X-Forwarded-For is
// not evidence of anything (security.md H4), so rate limits key on this header instead.
import http from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

http
  .createServer((req, res) => {
    req.headers["x-roster-peer"] = req.socket.remoteAddress ?? "unknown";
    handle(req, res);
  })
  .listen(port, hostname, () => {
    console.log(`Roster ${dev ? "(development) " : ""}on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
  });
