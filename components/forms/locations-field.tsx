import type { UseFormRegisterReturn } from "react-hook-form";

type Props = { legend: string; locations: readonly { id: string; name: string }[]; register: UseFormRegisterReturn };

/** The org's locations as checkboxes (invite, edit); nothing when the org has none. */
export function LocationsField({ legend, locations, register }: Props) {
  if (locations.length === 0) return null;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {locations.map((l) => (
          <label key={l.id} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" value={l.id} className="accent-brand-600" {...register} />
            {l.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
