/** The device profile's shape while it loads: the back link, the header card, the tabs and a few rows. */
export default function DeviceLoading() {
  return (
    <div className="mx-auto max-w-4xl space-y-6" aria-busy="true" aria-label="Loading the device">
      <div className="h-4 w-20 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-xl border border-slate-200 bg-white" />
      <div className="h-9 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded-xl border border-slate-200 bg-white" />
    </div>
  );
}
