import type { UseFormRegisterReturn } from "react-hook-form";
import { inheritedLabel, type LocationOption } from "./location-option";

type Props = { legend: string; locations: readonly LocationOption[]; register: UseFormRegisterReturn };

/** The locations usable in the org (its own and inherited ones) as checkboxes (invite, edit); nothing when there are none. */
export function LocationsField({ legend, locations, register }: Props) {
  if (locations.length === 0) return null;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
        {locations.map((l) => (
          <label key={l.id} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" value={l.id} className="accent-brand-600" {...register} />
            {l.name}
            {l.inherited ? <span className="text-xs text-slate-500">· {inheritedLabel(l)}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
