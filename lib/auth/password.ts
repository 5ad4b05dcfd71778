import "server-only";
import { hash, verify } from "@node-rs/argon2";

// OWASP / ASVS minimum for argon2id (security.md C1).
// `algorithm: 2` is Algorithm.Argon2id; the enum is an ambient const enum that isolatedModules
// cannot import.
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

// A real hash of a random string, so an unknown email costs one verify like a known one.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$JrukxAbNxdPxpzPF3Bjejg$dOUH3peN53rNXF0EOs0/+5KzDN4HkD9PE+NBowGkYHw";

// Both cores saturate at ~57 verifies/s; capping concurrent hashes keeps pages responsive
// during a login flood (security.md H3).
const MAX_CONCURRENT_HASHES = 4;
let running = 0;
const waiting: Array<() => void> = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, ARGON2_PARAMS));
}

/** How many verifies ran in this process; lets tests prove a throttled login hashes nothing. */
export const hashingStats = { verifications: 0 };

/** Verifies against the stored hash, or against a dummy hash when there is none. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  const target = storedHash ?? DUMMY_HASH;
  hashingStats.verifications++;
  const ok = await withHashSlot(() => verify(target, password).catch(() => false));
  return storedHash !== null && ok;
}

/** True when the hash was made with weaker parameters than today's and should be redone. */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [m, t] = [Number(match[1]), Number(match[2])];
  return m < ARGON2_PARAMS.memoryCost || t < ARGON2_PARAMS.timeCost;
}
