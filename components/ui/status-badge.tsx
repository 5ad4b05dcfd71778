import { USER_STATUS_LABELS, type UserStatus } from "@/lib/users/filters";

const STYLES: Record<UserStatus, { className: string; dot: string }> = {
  active: { className: "bg-emerald-50 text-emerald-800 ring-emerald-600/20", dot: "bg-emerald-500" },
  pending: { className: "bg-amber-50 text-amber-800 ring-amber-600/20", dot: "bg-amber-500" },
  inactive: { className: "bg-slate-100 text-slate-700 ring-slate-500/20", dot: "bg-slate-400" },
  suspended: { className: "bg-red-50 text-red-800 ring-red-600/20", dot: "bg-red-500" },
};

/** Colour plus text, so the status never depends on colour alone. */
export function StatusBadge({ status }: { status: UserStatus }) {
  const s = STYLES[status];
  return (
    <span className={`badge ${s.className}`}>
      <span aria-hidden className={`badge-dot ${s.dot}`} />
      {USER_STATUS_LABELS[status]}
    </span>
  );
}
