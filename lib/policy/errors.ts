import type { DenyCode } from "./types";

/** Thrown by assertAuthorized; `code` and `message` are the refusal, safe to show the viewer. */
export class PolicyError extends Error {
  readonly code: DenyCode;

  constructor(code: DenyCode, message: string) {
    super(message);
    this.name = "PolicyError";
    this.code = code;
  }
}
