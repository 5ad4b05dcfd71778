import { inheritedLabel } from "@/components/forms/location-option";

/** Marks a location owned by an org above: usable here, edited there. */
export function InheritedBadge({ orgName }: { orgName: string | null }) {
  const label = inheritedLabel({ id: "", name: "", inherited: true, orgName });
  return (
    <span title={orgName ? `Owned by ${orgName}; edit it there` : "Owned by an organization above; usable here"} className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">
      {label}
    </span>
  );
}
