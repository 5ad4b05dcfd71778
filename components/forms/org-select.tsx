import { forwardRef, type SelectHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/field";
import type { OrgOption } from "@/lib/users/page-data";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  orgs: OrgOption[];
  /** The depth shown flush left (default: the shallowest of `orgs`). */
  baseDepth?: number;
};

/** Orgs of a subtree as an indented list; works controlled or through react-hook-form's register. */
export const OrgSelect = forwardRef<HTMLSelectElement, Props>(function OrgSelect({ orgs, baseDepth, className, ...select }, ref) {
  const base = baseDepth ?? Math.min(...orgs.map((o) => o.depth));
  return (
    <select ref={ref} className={className ?? inputClass} {...select}>
      {orgs.map((o) => (
        <option key={o.id} value={o.id}>
          {"\u00a0\u00a0".repeat(Math.max(0, o.depth - base))}
          {o.name}
        </option>
      ))}
    </select>
  );
});
