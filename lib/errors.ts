// The only error type commands throw. `code` is stable (tests assert on it); `message` is
// written for the person who will read it; `field` points a form at the input to fix.
import type { PolicyError } from "@/lib/policy";

export const ERROR_CODES = ["INVALID", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "LIMIT", "BUSY"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly fieldErrors?: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message: string, options: { field?: string; fieldErrors?: Record<string, string> } = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.field = options.field;
    this.fieldErrors = options.fieldErrors;
  }
}

/** Worded exactly like a random unknown id, so another tenant's ids cannot be probed. */
export const NOT_FOUND_MESSAGE = "Not found";
export const notFound = () => new DomainError("NOT_FOUND", NOT_FOUND_MESSAGE);

export function fromPolicy(error: PolicyError): DomainError {
  return new DomainError(error.code, error.message);
}
