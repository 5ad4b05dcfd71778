import { TableSkeleton } from "@/components/data-table/data-table";

export default function UsersLoading() {
  return (
    <div className="space-y-4">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-10 animate-pulse rounded-lg bg-slate-100" />
      <TableSkeleton columns={9} rows={12} />
    </div>
  );
}
