import type { Refusal } from "./refusals";
import type { DenyCode, PolicyResult } from "./types";

export const ALLOW: PolicyResult = Object.freeze({ ok: true });

/** A refusal: its kind (`code`), the stable reason (`refusal`) and the sentence a person reads. */
export function deny(code: DenyCode, refusal: Refusal, reason: string): PolicyResult {
  return { ok: false, code, refusal, reason };
}

/**
 * The one message for every target the viewer may not see — another tenant's, above them, a
 * sibling, a malformed ref — so it reads exactly like an unknown id. Commands use it for
 * missing rows too.
 */
export const NOT_FOUND_REASON = "Not found";

export const NOT_FOUND: PolicyResult = Object.freeze({ ok: false, code: "NOT_FOUND", refusal: "NOT_FOUND", reason: NOT_FOUND_REASON });
