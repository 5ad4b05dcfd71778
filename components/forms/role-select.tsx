import { forwardRef, type SelectHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/field";
import type { RoleOption } from "@/lib/users/page-data";

/** The roles a form may give; works controlled or through react-hook-form's register. */
export const RoleSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { roles: RoleOption[] }>(function RoleSelect({ roles, className, ...select }, ref) {
  return (
    <select ref={ref} className={className ?? inputClass} {...select}>
      {roles.map((r) => (
        <option key={r.key} value={r.key}>
          {r.name}
        </option>
      ))}
    </select>
  );
});
