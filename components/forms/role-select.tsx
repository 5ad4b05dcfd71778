import { forwardRef, type SelectHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/field";
import type { RoleOption } from "@/lib/users/page-data";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  roles: RoleOption[];
  /** A first, unselectable choice ("Choose a role"), for forms that must not suggest one. */
  placeholder?: string;
};

/** The roles a form may give; works controlled or through react-hook-form's register. */
export const RoleSelect = forwardRef<HTMLSelectElement, Props>(function RoleSelect({ roles, placeholder, className, ...select }, ref) {
  return (
    <select ref={ref} className={className ?? inputClass} {...select}>
      {placeholder ? (
        <option value="" disabled>
          {placeholder}
        </option>
      ) : null}
      {roles.map((r) => (
        <option key={r.key} value={r.key}>
          {r.name}
        </option>
      ))}
    </select>
  );
});
