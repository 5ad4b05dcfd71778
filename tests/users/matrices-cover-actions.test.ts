// The isolation and validation matrices list their commands by hand; this keeps a new console
// command from escaping them: every consoleAction in app/**/actions.ts must be probed in both.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../app");
const sources = (fs.readdirSync(APP, { recursive: true }) as string[]).filter((f) => path.basename(f) === "actions.ts").map((f) => fs.readFileSync(path.join(APP, f), "utf8"));
/** The console's writes, by the name of their test wrapper (tests/helpers/commands.ts): `fooAction` → `foo`. */
const consoleWrites = sources.flatMap((s) => [...s.matchAll(/export const (\w+)Action = consoleAction\(/g)].map((m) => m[1]!)).sort();

// Commands whose only id is the org they act in: the action resolves it through actorIn, which the
// isolation matrix probes as "switch into the org" (a location or tag is created in the org shown).
// Each is still in the validation matrix.
const ORG_IS_THE_ONLY_ID = new Set(["createDevice", "createLocation", "createTag", "createRole", "renameRole", "deleteRole", "updateGrants", "updateSelfSignup"]);

const matrix = (file: string) => fs.readFileSync(path.resolve(__dirname, file), "utf8");
const probed = (source: string, command: string) => new RegExp(`\\b${command}\\(db,`).test(source);

describe("the isolation and validation matrices cover every console command", () => {
  it("finds the console's commands (the list cannot silently be empty)", () => {
    expect(consoleWrites).toEqual(expect.arrayContaining(["inviteUser", "deleteUsers", "transferDevice"]));
  });

  it("the isolation matrix probes each one that takes an id besides its org", () => {
    const source = matrix("isolation.test.ts");
    expect(source).toMatch(/"switch into the org", \(w, id\) => actorIn\(db, w\.actor\.viewer, id\)/);
    expect(consoleWrites.filter((command) => !ORG_IS_THE_ONLY_ID.has(command) && !probed(source, command))).toEqual([]);
  });

  it("the validation matrix probes each one", () => {
    const source = matrix("validation.test.ts");
    expect(consoleWrites.filter((command) => !probed(source, command))).toEqual([]);
  });

  it("exempts only commands that exist", () => {
    for (const command of ORG_IS_THE_ONLY_ID) expect(consoleWrites).toContain(command);
  });
});
