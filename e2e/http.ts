// Raw HTTP against a Roster server, the way a script or an attacker talks to it: Auth.js'
// credentials endpoint with its CSRF token, cookies kept by hand, any header the caller likes.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const E2E_SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

export type Jar = Map<string, string>;

function keep(jar: Jar, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** One login through /api/auth/callback/credentials; true when a session cookie came back. */
export async function logInOverHttp(base: string, email: string, password: string, jar: Jar = new Map(), headers: Record<string, string> = {}): Promise<boolean> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { ...headers, cookie: cookieHeader(jar) } });
  keep(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  jar.delete("roster.session");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  keep(jar, res);
  await res.arrayBuffer();
  return jar.has("roster.session");
}

export type Server = { name: string; url: string; output: () => string; stop: () => Promise<void> };

/**
 * Starts Roster as an operator would — `npm start` (server.mjs) or plain `next start` — on its
 * own port and its own fresh embedded database (migrated and seeded with the demo tenants on
 * start), with its output captured.
 */
export async function startServer(how: "npm start" | "next start", port: number): Promise<Server> {
  const dataDir = path.join(".data", `e2e-${how.replace(" ", "-")}-pglite`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
  const url = `http://127.0.0.1:${port}`;
  const args = how === "npm start" ? ["server.mjs"] : ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"];
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: url, AUTH_SECRET: E2E_SECRET, DEV_MAILBOX: "1", PGLITE_DIR: dataDir, TRUST_PROXY: "0" };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${how} exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${how} did not answer within 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    name: how,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
