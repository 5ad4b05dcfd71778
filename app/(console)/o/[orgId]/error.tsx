"use client";

// A page of the console failed: the shell stays, the page says so with a reference (security.md J5).
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-xl border border-red-200 bg-red-50 p-8">
      <h1 className="text-xl font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-2 text-red-800">Something went wrong on our side. Try again in a moment.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-red-700">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-5 rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800">
        Try again
      </button>
    </div>
  );
}
