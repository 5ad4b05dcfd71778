import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const DEV_SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");

/** AUTH_SECRET is required in production; in development one is generated once into .data/. */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (process.env.NEXT_PHASE === "phase-production-build") return "build-phase-placeholder-never-used-for-requests";
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` and set it in the environment.");
  }
  try {
    return fs.readFileSync(DEV_SECRET_FILE, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(33).toString("base64url");
    fs.mkdirSync(path.dirname(DEV_SECRET_FILE), { recursive: true });
    fs.writeFileSync(DEV_SECRET_FILE, secret, { mode: 0o600 });
    return secret;
  }
}
