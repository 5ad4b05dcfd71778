import { AuthCard } from "./auth-card";

const COMMAND = ["npm run roster -- tenant create \\", '  --name "Your company" --plan pro \\', "  --admin-email you@example.com"].join("\n");

/** An empty install's front page: it says how the first organization comes to exist, and nothing else. */
export function FirstRun() {
  return (
    <AuthCard title="Create the first organization" subtitle="Roster is running, but no organization exists yet, so there is nobody to log in.">
      <div className="mt-6 space-y-3 text-sm text-slate-700">
        <p>On the server, in Roster&apos;s folder and with the same environment (DATABASE_URL), run:</p>
        <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100">
          <code>{COMMAND}</code>
        </pre>
        <p>It prints an invitation link for the organization&apos;s first Admin (and emails it when SMTP_URL is set). Open the link to choose a password; this page then becomes the login.</p>
        <p className="text-slate-500">
          <code>npm run roster -- --help</code> lists the other operator commands.
        </p>
      </div>
    </AuthCard>
  );
}
