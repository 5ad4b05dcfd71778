// Outline icons (20 px grid): compact controls where a short label alone would be unclear, and the drawer's menu and close buttons.
const PATHS = {
  tag: "M3.5 3.5h5l8 8-5 5-8-8v-5ZM6.5 6.5h.01",
  pin: "M10 17.5s5.5-5 5.5-9.5a5.5 5.5 0 0 0-11 0c0 4.5 5.5 9.5 5.5 9.5ZM10 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z",
  untag: "M3.5 3.5h5l8 8-5 5-8-8v-5ZM6.5 6.5h.01M3 17l14-14",
  role: "M10 2.5 4 5v4.5c0 3.6 2.6 6.4 6 8 3.4-1.6 6-4.4 6-8V5l-6-2.5Z",
  logout: "M8 3.5H4.5a1 1 0 0 0-1 1v11a1 1 0 0 0 1 1H8M13 6.5l3.5 3.5-3.5 3.5M16.5 10H8",
  pause: "M10 3a7 7 0 1 1 0 14 7 7 0 0 1 0-14ZM8.25 7.5v5M11.75 7.5v5",
  mail: "M4 4.5h12a1.5 1.5 0 0 1 1.5 1.5v8a1.5 1.5 0 0 1-1.5 1.5H4A1.5 1.5 0 0 1 2.5 14V6A1.5 1.5 0 0 1 4 4.5ZM3 5.5l7 5 7-5",
  download: "M10 3v9.5M6.5 9l3.5 3.5L13.5 9M3.5 13.5v2a1 1 0 0 0 1 1h11a1 1 0 0 0 1-1v-2",
  close: "M5.5 5.5l9 9M14.5 5.5l-9 9",
  menu: "M3 5.5h14M3 10h14M3 14.5h14",
  more: "M5 10h.01M10 10h.01M15 10h.01",
  trash: "M3.5 5.5h13M8 5.5V4a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v1.5M5 5.5l.8 10a1 1 0 0 0 1 .9h6.4a1 1 0 0 0 1-.9l.8-10M8.5 8.5v5M11.5 8.5v5",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className = "h-4 w-4" }: { name: IconName; className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={className} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
