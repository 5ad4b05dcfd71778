import type { Refusal } from "./refusals";
import type { DenyCode } from "./types";

/** Thrown by assertAuthorized; `code`, `refusal` and `message` are the refusal, safe to show the viewer. */
export class PolicyError extends Error {
  readonly code: DenyCode;
  readonly refusal: Refusal;

  constructor(code: DenyCode, refusal: Refusal, message: string) {
    super(message);
    this.name = "PolicyError";
    this.code = code;
    this.refusal = refusal;
  }
}
