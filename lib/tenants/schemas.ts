// Input of the self sign-up settings (product.md §1), shared by the settings form and its action.
import { z } from "zod";
import { handleSchema as joinHandleSchema } from "@/lib/signup/schemas";

const MAX_JOIN_DOMAINS = 20;

// Letters, digits and inner hyphens per label, at least two labels, a top level of letters.
// Internationalised names are entered in their ASCII form (xn--…).
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** How a domain is compared: trimmed, lower-case, without the "@" people often type before it. */
const normalizeDomain = (raw: string) => raw.trim().toLowerCase().replace(/^@/, "");

// What the join page accepts, after the case and spaces people type are forgiven.
const handleSchema = z.string().trim().toLowerCase().pipe(joinHandleSchema);

export const joinDomainsSchema = z
  .array(z.string().max(254, "A domain name has at most 253 characters."))
  .max(MAX_JOIN_DOMAINS, `List at most ${MAX_JOIN_DOMAINS} domains.`)
  .transform((list) => [...new Set(list.map(normalizeDomain).filter(Boolean))])
  .superRefine((list, ctx) => {
    const bad = list.find((d) => !DOMAIN.test(d));
    if (bad) ctx.addIssue({ code: "custom", message: `“${bad}” is not a domain name like example.com.` });
  });

/** The settings form's domains box: one domain per line, or separated by commas or spaces. */
export const domainsFromText = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

export const selfSignupSchema = z.strictObject({
  orgId: z.uuid(),
  enabled: z.boolean(),
  role: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Choose a role."),
  domains: joinDomainsSchema,
  handle: handleSchema,
});
