// A tag as a coloured chip. The tag's `color` is a palette name (tags.color); the palette's
// classes live here only, spelled out so Tailwind keeps them. Unknown names read as slate.
const CHIP: Record<string, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-300",
  red: "bg-red-100 text-red-800 ring-red-300 dark:bg-red-400/15 dark:text-red-300 dark:ring-red-400/30",
  orange: "bg-orange-100 text-orange-800 ring-orange-300 dark:bg-orange-400/15 dark:text-orange-300 dark:ring-orange-400/30",
  amber: "bg-amber-100 text-amber-800 ring-amber-300 dark:bg-amber-400/15 dark:text-amber-300 dark:ring-amber-400/30",
  green: "bg-green-100 text-green-800 ring-green-300 dark:bg-green-400/15 dark:text-green-300 dark:ring-green-400/30",
  teal: "bg-teal-100 text-teal-800 ring-teal-300 dark:bg-teal-400/15 dark:text-teal-300 dark:ring-teal-400/30",
  blue: "bg-blue-100 text-blue-800 ring-blue-300 dark:bg-blue-400/15 dark:text-blue-300 dark:ring-blue-400/30",
  indigo: "bg-indigo-100 text-indigo-800 ring-indigo-300 dark:bg-indigo-400/15 dark:text-indigo-300 dark:ring-indigo-400/30",
  violet: "bg-violet-100 text-violet-800 ring-violet-300 dark:bg-violet-400/15 dark:text-violet-300 dark:ring-violet-400/30",
  pink: "bg-pink-100 text-pink-800 ring-pink-300 dark:bg-pink-400/15 dark:text-pink-300 dark:ring-pink-400/30",
};

export function TagChip({ name, color }: { name: string; color: string }) {
  return <span className={`inline-flex max-w-48 items-center truncate rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${CHIP[color] ?? CHIP.slate}`}>{name}</span>;
}
