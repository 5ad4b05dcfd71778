// Reads the command line, runs one command and says how it went: text by default, JSON with
// --json (errors too, as {"error": {code, refusal, message}}). Exit 0 done, 1 refused or failed,
// 2 not understood (usage printed).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closeDb, getDb, type Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { installPlansFile, PlansFileError } from "@/lib/plans/file";
import { COMMANDS, type Command } from "./commands";

const EXIT = { done: 0, refused: 1, usage: 2 } as const;

const FLAGS = [...new Set(COMMANDS.flatMap((c) => [...c.required, ...c.optional]))];
const OPTIONS: ParseArgsConfig["options"] = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  ...Object.fromEntries(FLAGS.map((flag) => [flag, { type: "string" }])),
};

const synopsis = (c: Command) => `npm run roster -- ${c.synopsis} [--json]`;

function usage(): string {
  return [
    "The operator's command line: npm run roster -- <command> [--json]",
    "Works on DATABASE_URL (the embedded database when unset), migrating it first.",
    "",
    ...COMMANDS.flatMap((c) => [`  ${c.synopsis}`, `      ${c.summary}`]),
  ].join("\n");
}

type Failure = { code: string; refusal: string; message: string; fields?: Readonly<Record<string, string>> };

class Output {
  constructor(private readonly json: boolean) {}

  done(result: unknown, text: string): number {
    process.stdout.write(`${this.json ? JSON.stringify(result, null, 2) : text}\n`);
    return EXIT.done;
  }

  /** JSON goes to stdout even for errors, so a script reads one stream; text errors go to stderr. */
  failed(failure: Failure, exit: number, hint?: string): number {
    if (this.json) process.stdout.write(`${JSON.stringify({ error: failure }, null, 2)}\n`);
    else process.stderr.write(`roster: ${failure.message}\n${hint ? `\n${hint}\n` : ""}`);
    return exit;
  }

  misused(message: string, command?: Command): number {
    return this.failed({ code: "USAGE", refusal: "INVALID_INPUT", message }, EXIT.usage, command ? `Usage: ${synopsis(command)}` : usage());
  }
}

function findCommand(positionals: readonly string[]): { command: Command; args: string[] } | null {
  for (const command of COMMANDS) {
    const words = command.name.split(" ");
    if (words.every((w, i) => positionals[i] === w)) return { command, args: positionals.slice(words.length) };
  }
  return null;
}

export async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return new Output(argv.includes("--json")).misused((error as Error).message);
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>;
  const out = new Output(flags.json === true);
  const positionals = parsed.positionals;
  if (positionals.length === 0 || positionals[0] === "help") {
    process.stdout.write(`${usage()}\n`);
    return positionals.length === 0 && !flags.help ? EXIT.usage : EXIT.done;
  }
  const found = findCommand(positionals);
  if (!found) return out.misused(`Unknown command "${positionals.join(" ")}".`);
  const { command, args } = found;
  if (flags.help) {
    process.stdout.write(`Usage: ${synopsis(command)}\n${command.summary}\n`);
    return EXIT.done;
  }
  if (args.length !== command.args.length) {
    return out.misused(args.length < command.args.length ? `Missing ${command.args.slice(args.length).map((a) => `<${a}>`).join(" ")}.` : `Unexpected "${args.slice(command.args.length).join(" ")}".`, command);
  }
  const allowed = new Set(["json", "help", ...command.required, ...command.optional]);
  const stray = Object.keys(flags).filter((f) => !allowed.has(f));
  if (stray.length) return out.misused(`${command.name} takes no ${stray.map((f) => `--${f}`).join(", ")}.`, command);
  const missing = command.required.filter((f) => typeof flags[f] !== "string");
  if (missing.length) return out.misused(`Missing ${missing.map((f) => `--${f}`).join(", ")}.`, command);

  try {
    installPlansFile();
  } catch (error) {
    if (error instanceof PlansFileError) return out.failed({ code: "INVALID", refusal: "INVALID_INPUT", message: error.message }, EXIT.refused);
    throw error;
  }

  let db: Db | null = null;
  try {
    const work = command.prepare({ args, flags: flags as Record<string, string | undefined> });
    if (command.database) db = await getDb();
    const { result, text } = await work(db, new Date());
    return out.done(result, text);
  } catch (error) {
    if (error instanceof DomainError) return out.failed({ code: error.code, refusal: error.refusal, message: error.message, ...(error.fieldErrors ? { fields: error.fieldErrors } : {}) }, EXIT.refused);
    return out.failed({ code: "UNEXPECTED", refusal: "UNEXPECTED", message: error instanceof Error ? error.message : String(error) }, EXIT.refused);
  } finally {
    if (db) await closeDb();
  }
}
