import { z } from "zod";
import { DomainError } from "@/lib/errors";

/** zod's verdict as a DomainError: INVALID with a message per field (first issue wins). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    fieldErrors[field] ??= issue.code === "unrecognized_keys" ? "Unexpected field." : issue.message;
  }
  const [first] = Object.entries(fieldErrors);
  throw new DomainError("INVALID", first && first[0] !== "_form" ? `Check the ${first[0]} field: ${first[1]}` : "The request was not valid.", { fieldErrors });
}
