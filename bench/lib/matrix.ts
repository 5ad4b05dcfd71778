// Part 1: the users-page query (lib/users/list.ts listUsers: capped count, then the keyset
// page) for every combination of sort × direction × role filter × status filter × scope ×
// search, first page of 50 rows, timed from Node as the page calls it.
import fs from "node:fs";
import type { Actor } from "@/lib/commands/actor";
import { forgetEstimates } from "@/lib/sql/estimates";
import { userFiltersSchema, type UserStatus } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { DEFAULT_PAGE_SIZE, USER_SORT_KEYS, type SortDir, type UserSortKey } from "@/lib/users/sort";
import { actorAt } from "./actors";
import type { Engine } from "./engines";
import { SEARCH_TERM, type SeedInfo } from "./seed";
import { median, ms, percentile, shuffled } from "./stats";

export const SCOPES = ["org@root", "reach@root", "reach@region"] as const;
export type Scope = (typeof SCOPES)[number];
export const ROLE_FILTERS: string[][] = [[], ["admin"], ["admin", "staff"]];
export const STATUS_FILTERS: UserStatus[][] = [[], ["active"], ["pending"], ["inactive"], ["suspended"], ["pending", "suspended"]];
export const SEARCHES = ["", SEARCH_TERM];

export type Combo = { key: UserSortKey; dir: SortDir; roles: string[]; statuses: UserStatus[]; scope: Scope; q: string };

export function fullMatrix(): Combo[] {
  const out: Combo[] = [];
  for (const key of USER_SORT_KEYS)
    for (const dir of ["asc", "desc"] as const)
      for (const roles of ROLE_FILTERS)
        for (const statuses of STATUS_FILTERS) for (const scope of SCOPES) for (const q of SEARCHES) out.push({ key, dir, roles, statuses, scope, q });
  return out;
}

export function describe(c: Combo): string {
  return [
    `${c.key} ${c.dir}`,
    `role=${c.roles.join("+") || "any"}`,
    `status=${c.statuses.join("+") || "any"}`,
    `scope=${c.scope}`,
    `q=${c.q ? `"${c.q}"` : "none"}`,
  ].join("  ");
}

type QueryKind = "browsing" | "searching";
const queryKind = (c: Combo): QueryKind => (c.q ? "searching" : "browsing");

export type ComboResult = { combo: Combo; runs: number[]; ms: number; matches: string };

export type MatrixResult = {
  combos: number;
  of: number;
  runsPerCombo: number;
  reducedRuns: number;
  p50: number;
  p95: number;
  max: number;
  maxSingle: number;
  /**
   * One more pass with the planner's estimates forgotten before every page (the list remembers
   * them for minutes, lib/sql/estimates.ts, so the timed passes reuse them): a first visit to a
   * list. The subtree's org ids stay cached (they change only with the org tree).
   */
  firstVisit: { p50: number; p95: number };
  seconds: number;
  bySort: Record<string, number>;
  byScope: Record<string, number>;
  /** p95 of the combinations without a search term (browsing) and with one (searching). */
  byQuery: Record<QueryKind, number>;
  worst: Array<{ label: string; ms: number; matches: string; queries: Array<{ ms: number | null; plan: string }> }>;
  plansFile?: string;
  /** Every combination: label, median ms, matches. */
  all: Array<{ label: string; ms: number; matches: string }>;
};

/** A combination whose warm-up run takes longer than this is timed once, not `runs` times. */
const SLOW_MS = 250;

export async function runMatrix(
  engine: Engine,
  seed: SeedInfo,
  options: { runs: number; sample: number; plansFile?: string; log: (line: string) => void; list?: typeof listUsers },
): Promise<MatrixResult> {
  const list = options.list ?? listUsers;
  const started = performance.now();
  const root = await actorAt(engine.db, seed.adminEmail, seed.rootId);
  const region = await actorAt(engine.db, seed.adminEmail, seed.region0Id);
  const actorFor = (scope: Scope): Actor => (scope === "reach@region" ? region : root);

  const all = fullMatrix();
  // Sampling keeps every n-th combination of a shuffled matrix, so each dimension stays covered.
  const combos = options.sample >= 1 ? all : shuffled(all, 7).slice(0, Math.max(1, Math.round(all.length * options.sample)));
  const run = async (c: Combo) => {
    const filters = userFiltersSchema.parse({ q: c.q, roles: c.roles, statuses: c.statuses, scope: c.scope === "org@root" ? "org" : "reach" });
    const t0 = performance.now();
    const page = await list(engine.db, actorFor(c.scope), { filters, sort: { key: c.key, dir: c.dir }, size: DEFAULT_PAGE_SIZE });
    const elapsed = performance.now() - t0;
    if (page.rows.length === 0 && page.total > 0) throw new Error(`no rows for ${describe(c)}`);
    return { elapsed, matches: page.capped ? "10,000+" : page.total.toLocaleString("en") };
  };

  // Warm-up pass over everything, then `runs` timed passes, each in its own order.
  const results = new Map<Combo, ComboResult>();
  let reducedRuns = 0;
  for (const c of shuffled(combos, 1)) {
    const { elapsed, matches } = await run(c);
    results.set(c, { combo: c, runs: [], ms: NaN, matches });
    if (elapsed > SLOW_MS) reducedRuns++;
  }
  options.log(`  matrix warm-up: ${combos.length} combinations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (let pass = 0; pass < options.runs; pass++) {
    for (const c of shuffled(combos, 100 + pass)) {
      const r = results.get(c)!;
      if (pass > 0 && r.runs.length > 0 && r.runs[0]! > SLOW_MS) continue;
      r.runs.push((await run(c)).elapsed);
    }
  }
  const firstVisits: number[] = [];
  for (const c of shuffled(combos, 99)) {
    forgetEstimates(engine.db);
    firstVisits.push((await run(c)).elapsed);
  }
  const rows = [...results.values()];
  for (const r of rows) r.ms = median(r.runs);
  const values = rows.map((r) => r.ms);
  const group = (by: (c: Combo) => string) => {
    const groups = new Map<string, number[]>();
    for (const r of rows) groups.set(by(r.combo), [...(groups.get(by(r.combo)) ?? []), r.ms]);
    return Object.fromEntries([...groups].map(([k, v]) => [k, percentile(v, 95)]));
  };

  const worstRows = [...rows].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const worst: MatrixResult["worst"] = [];
  const planText: string[] = [];
  for (const r of worstRows) {
    const queries = await explain(engine, async () => {
      await run(r.combo);
    });
    worst.push({ label: describe(r.combo), ms: r.ms, matches: r.matches, queries: queries.map((q) => ({ ms: q.ms, plan: q.top })) });
    planText.push(`### ${ms(r.ms)}  ${describe(r.combo)}  (matches: ${r.matches})`, ...queries.map((q) => `${q.sql}\n-- params: ${JSON.stringify(q.params)}\n${q.plan}\n`));
  }
  if (options.plansFile) fs.writeFileSync(options.plansFile, `${planText.join("\n")}\n`);

  return {
    combos: combos.length,
    of: all.length,
    runsPerCombo: options.runs,
    reducedRuns,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(...values),
    maxSingle: Math.max(...rows.flatMap((r) => r.runs)),
    firstVisit: { p50: percentile(firstVisits, 50), p95: percentile(firstVisits, 95) },
    seconds: (performance.now() - started) / 1000,
    bySort: group((c) => c.key),
    byScope: group((c) => c.scope),
    byQuery: {
      browsing: percentile(rows.filter((r) => queryKind(r.combo) === "browsing").map((r) => r.ms), 95),
      searching: percentile(rows.filter((r) => queryKind(r.combo) === "searching").map((r) => r.ms), 95),
    },
    worst,
    plansFile: options.plansFile,
    all: rows.map((r) => ({ label: describe(r.combo), ms: Math.round(r.ms * 100) / 100, matches: r.matches })).sort((a, b) => b.ms - a.ms),
  };
}

/** Runs `work` capturing Drizzle's queries, then EXPLAIN ANALYZEs each of them. */
async function explain(engine: Engine, work: () => Promise<void>) {
  engine.capture.queries = [];
  engine.capture.on = true;
  try {
    await work();
  } finally {
    engine.capture.on = false;
  }
  const out: Array<{ sql: string; params: unknown[]; plan: string; ms: number | null; top: string }> = [];
  // The list's own planner estimate (EXPLAIN without ANALYZE) is shown as sent, not re-explained.
  for (const q of engine.capture.queries.filter((q) => !/^\s*EXPLAIN\b/i.test(q.sql))) {
    const lines = await engine.session(async (s) => {
      const rows = await s.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
      return rows.map((row) => Object.values(row)[0]!);
    });
    const exec = lines.find((l) => l.startsWith("Execution Time"));
    const top = lines.find((l) => !l.trim().startsWith("->") && /\(cost=/.test(l)) ?? lines[0] ?? "";
    const node = (l: string) => l.trim().replace(/^->\s*/, "").replace(/\s*\(cost=.*$/, "");
    const nodes = lines.filter((l) => /\(cost=/.test(l)).map(node);
    out.push({
      sql: q.sql,
      params: q.params,
      plan: lines.join("\n"),
      ms: exec ? Number(/([\d.]+) ms/.exec(exec)?.[1]) : null,
      top: nodes.length ? `${node(top)} … ${nodes.slice(1).filter((n) => /Scan/.test(n)).slice(0, 2).join(" / ")}` : "",
    });
  }
  return out;
}
