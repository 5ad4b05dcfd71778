"use client";

import { TAG_COLOR_LABELS, TAG_COLORS, type TagColor } from "@/lib/tags/schemas";
import { SWATCH } from "./tag-chip";

/** The palette as a radio group of swatches, each named for screen readers and on hover. */
export function ColorPicker({ name, value, onChange }: { name: string; value: TagColor; onChange: (color: TagColor) => void }) {
  return (
    <fieldset>
      <legend className="block text-sm font-medium text-slate-700">Colour</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {TAG_COLORS.map((color) => (
          <label key={color} title={TAG_COLOR_LABELS[color]} className="relative cursor-pointer">
            <input type="radio" name={name} value={color} checked={value === color} onChange={() => onChange(color)} className="peer sr-only" />
            <span className="sr-only">{TAG_COLOR_LABELS[color]}</span>
            <span
              aria-hidden
              className={`block h-7 w-7 rounded-full ring-2 ring-transparent ring-offset-2 ring-offset-white peer-checked:ring-slate-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-4 peer-focus-visible:outline-brand-500 ${SWATCH[color]}`}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
