// The only error type commands throw. `code` is its kind and `refusal` its stable reason (tests,
// the UI and API clients branch on them); `message` is written for the person who will read it;
// `field` points a form at the input to fix.
import type { PolicyError, Refusal } from "@/lib/policy";

export type ErrorCode = "INVALID" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "LIMIT" | "BUSY";

// Kinds with one reason only; every other refusal names its reason.
type GenericCode = "INVALID" | "UNAUTHENTICATED" | "NOT_FOUND" | "BUSY";
const GENERIC: Record<GenericCode, Refusal> = { INVALID: "INVALID_INPUT", UNAUTHENTICATED: "SESSION_ENDED", NOT_FOUND: "NOT_FOUND", BUSY: "BUSY" };

type Options = { field?: string; fieldErrors?: Record<string, string> };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly refusal: Refusal;
  readonly field?: string;
  readonly fieldErrors?: Readonly<Record<string, string>>;

  constructor(code: GenericCode, message: string, options?: Options & { refusal?: Refusal });
  constructor(code: ErrorCode, message: string, options: Options & { refusal: Refusal });
  constructor(code: ErrorCode, message: string, options: Options & { refusal?: Refusal } = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.refusal = options.refusal ?? GENERIC[code as GenericCode] ?? "UNEXPECTED";
    this.field = options.field;
    this.fieldErrors = options.fieldErrors;
  }
}

/** Worded exactly like a random unknown id, so another tenant's ids cannot be probed. */
export const NOT_FOUND_MESSAGE = "Not found";
export const notFound = () => new DomainError("NOT_FOUND", NOT_FOUND_MESSAGE);

export function fromPolicy(error: PolicyError | { code: PolicyError["code"]; refusal: Refusal; reason: string }): DomainError {
  return new DomainError(error.code, "reason" in error ? error.reason : error.message, { refusal: error.refusal });
}
