// What every server action returns to the browser: data, or a refusal a form can show.
import type { ErrorCode } from "./errors";

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | "ERROR"; message: string; fieldErrors?: Record<string, string> };
