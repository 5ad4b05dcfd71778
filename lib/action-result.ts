// What every server action returns to the browser: data, or a refusal a form can show and code
// can branch on (`refusal`, never the message).
import type { ErrorCode } from "./errors";
import type { Refusal } from "./policy";

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | "ERROR"; refusal: Refusal; message: string; fieldErrors?: Record<string, string> };
