import "server-only";
import fs from "node:fs";
import { z } from "zod";
import { env } from "@/lib/env";
import { installPlans, PLAN_KEYS, PLAN_NUMERIC_LIMITS, PLANS, type PlanKey, type PlanTable, type PlanTableOverrides } from "@/lib/policy";

// The operator's plans file (ROSTER_PLANS_FILE): JSON overriding the numeric limits of the four
// plans, e.g. { "plans": { "business": { "maxUsers": 50000, "maxDepth": 6 } } }. Read and
// checked once at start; a wrong file stops the start, naming the exact field.

const whole = (min: number, max?: number) => {
  const expected = max === undefined ? `expected a whole number ≥ ${min}` : `expected a whole number from ${min} to ${max}`;
  const n = z.int({ error: expected }).min(min, { error: expected });
  return max === undefined ? n : n.max(max, { error: expected });
};

const CUSTOM_ROLES = "expected 0 (no custom roles) or a whole number ≥ 4 (roles in all, the three built-in ones included)";

const limitsSchema = z.strictObject({
  maxUsers: whole(1).optional(),
  // null: unlimited.
  maxSubOrgs: whole(0).nullable().optional(),
  // The database allows organizations 8 levels deep at most (organizations_depth_ck).
  maxDepth: whole(1, 8).optional(),
  // Roles in all, the three built-in ones included: 1–3 would offer custom roles that can never be made.
  customRoles: z
    .int({ error: CUSTOM_ROLES })
    .refine((n) => n === 0 || n >= 4, { error: CUSTOM_ROLES })
    .optional(),
});

/**
 * A plan's limits. Org types stay code, so a plan that offers none below the root (free, plus)
 * cannot be given sub-organizations by numbers alone: refused rather than ignored.
 */
function planSchema(key: PlanKey) {
  if (PLANS[key].orgTypes.some((type) => type !== "root")) return limitsSchema;
  const none = `the ${PLANS[key].label} plan offers no sub-organization types`;
  return limitsSchema.superRefine((limits, ctx) => {
    if (limits.maxSubOrgs !== undefined && limits.maxSubOrgs !== 0) ctx.addIssue({ code: "custom", path: ["maxSubOrgs"], message: `expected 0: ${none}` });
    if (limits.maxDepth !== undefined && limits.maxDepth !== 1) ctx.addIssue({ code: "custom", path: ["maxDepth"], message: `expected 1: ${none}` });
  });
}

const fileSchema = z.strictObject({
  plans: z.strictObject(Object.fromEntries(PLAN_KEYS.map((key) => [key, planSchema(key).optional()])) as Record<PlanKey, z.ZodOptional<typeof limitsSchema>>),
});

export class PlansFileError extends Error {
  constructor(lines: string[]) {
    super(lines.map((line) => `ROSTER_PLANS_FILE: ${line}`).join("\n"));
    this.name = "PlansFileError";
  }
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const at = (path: PropertyKey[]) => (path.length ? path.map(String).join(".") : "the file");
  if (issue.code === "unrecognized_keys") {
    const allowed = issue.path.length === 0 ? '"plans"' : issue.path.length === 1 ? PLAN_KEYS.join(", ") : PLAN_NUMERIC_LIMITS.join(", ");
    return issue.keys.map((key) => `${at([...issue.path, key])}: unknown field (expected one of ${allowed})`);
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return [`${at(issue.path)}: missing`];
  if (issue.code === "invalid_type" && issue.path.length <= 2 && issue.expected === "object") return [`${at(issue.path)}: expected an object`];
  return [`${at(issue.path)}: ${issue.message}`];
}

/** Reads and checks a plans file; throws PlansFileError naming every wrong field. */
export function readPlansFile(file: string): PlanTableOverrides {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new PlansFileError([`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlansFileError([`${file} is not valid JSON (${(error as Error).message})`]);
  }
  const parsed = fileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new PlansFileError(parsed.error.issues.flatMap(describeIssue));
  return parsed.data.plans;
}

/** Puts ROSTER_PLANS_FILE's limits in force for this process (the defaults when it is unset). */
export function installPlansFile(file: string | undefined = env.ROSTER_PLANS_FILE): PlanTable {
  return installPlans(file ? readPlansFile(file) : {});
}
