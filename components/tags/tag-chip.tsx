import type { TagColor } from "@/lib/tags/schemas";

// Whole class names, so Tailwind finds them. Red, amber, emerald and slate are remapped for dark
// mode in app/globals.css (50 turns dark, 800 light); the others get their dark look spelled out.
const CHIP: Record<TagColor, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-500/25",
  red: "bg-red-50 text-red-800 ring-red-600/25",
  orange: "bg-orange-50 text-orange-800 ring-orange-600/25 dark:bg-orange-400/15 dark:text-orange-200 dark:ring-orange-400/30",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  teal: "bg-teal-50 text-teal-800 ring-teal-600/25 dark:bg-teal-400/15 dark:text-teal-200 dark:ring-teal-400/30",
  blue: "bg-sky-50 text-sky-800 ring-sky-600/25 dark:bg-sky-400/15 dark:text-sky-200 dark:ring-sky-400/30",
  violet: "bg-violet-50 text-violet-800 ring-violet-600/25 dark:bg-violet-400/15 dark:text-violet-200 dark:ring-violet-400/30",
  pink: "bg-pink-50 text-pink-800 ring-pink-600/25 dark:bg-pink-400/15 dark:text-pink-200 dark:ring-pink-400/30",
};

/** The solid swatch of a colour, for the colour picker and the picker's list. */
export const SWATCH: Record<TagColor, string> = {
  slate: "bg-slate-400",
  red: "bg-red-500",
  orange: "bg-orange-500",
  amber: "bg-amber-500",
  green: "bg-emerald-500",
  teal: "bg-teal-500",
  blue: "bg-sky-500",
  violet: "bg-violet-500",
  pink: "bg-pink-500",
};

export type ChipTag = { id: string; name: string; color: TagColor };

/** A tag as a coloured chip; its name is the text, so colour never carries the meaning alone. */
export function TagChip({ tag }: { tag: Pick<ChipTag, "name" | "color"> }) {
  return (
    <span title={tag.name} className={`inline-flex max-w-40 items-center truncate rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${CHIP[tag.color] ?? CHIP.slate}`}>
      {tag.name}
    </span>
  );
}

/** A row's tags, or a dash for none. */
export function TagChips({ tags }: { tags: readonly ChipTag[] }) {
  if (tags.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex max-w-64 flex-wrap gap-1">
      {tags.map((t) => (
        <TagChip key={t.id} tag={t} />
      ))}
    </span>
  );
}
