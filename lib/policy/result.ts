import type { DenyCode, PolicyResult } from "./types";

export const ALLOW: PolicyResult = Object.freeze({ ok: true });

export function deny(code: DenyCode, reason: string): PolicyResult {
  return { ok: false, code, reason };
}

/**
 * The one message for every target the viewer may not see — another tenant's, above them, a
 * sibling, a malformed ref — so it reads exactly like an unknown id. Commands use it for
 * missing rows too.
 */
export const NOT_FOUND_REASON = "Not found";

export const NOT_FOUND: PolicyResult = Object.freeze({ ok: false, code: "NOT_FOUND", reason: NOT_FOUND_REASON });
