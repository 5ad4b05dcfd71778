import { forwardRef, type SelectHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/field";
import { optionLabel, type LocationOption } from "./location-option";

/** The value of the "No location" choice (the empty value is "nothing chosen yet"). */
export const NO_LOCATION = "none";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  locations: readonly LocationOption[];
  /** A first, unselectable choice ("Choose a location"), for forms that must not suggest one. */
  placeholder?: string;
  /** The label of the choice that means "no location" (clears it); omitted: not offered. */
  none?: string;
};

/** The locations usable in the org, inherited ones marked; works controlled or through register. */
export const LocationSelect = forwardRef<HTMLSelectElement, Props>(function LocationSelect({ locations, placeholder, none, className, ...select }, ref) {
  return (
    <select ref={ref} className={className ?? inputClass} {...select}>
      {placeholder ? (
        <option value="" disabled>
          {placeholder}
        </option>
      ) : null}
      {none ? <option value={NO_LOCATION}>{none}</option> : null}
      {locations.map((l) => (
        <option key={l.id} value={l.id}>
          {optionLabel(l)}
        </option>
      ))}
    </select>
  );
});
