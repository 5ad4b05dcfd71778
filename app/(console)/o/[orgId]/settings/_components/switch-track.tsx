/** The look of an on/off switch; the control around it (a button or a checkbox) carries the role and state. */
export function SwitchTrack({ on }: { on: boolean }) {
  return (
    <span aria-hidden className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition ${on ? "bg-brand-600" : "bg-slate-300"}`}>
      <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition ${on ? "translate-x-5" : "translate-x-0.5"}`} />
    </span>
  );
}
