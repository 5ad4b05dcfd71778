"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useTransition } from "react";
import { Avatar } from "@/components/ui/avatar";
import { ChevronDown } from "@/components/ui/chevron-down";
import { ThemeChoice } from "./theme-choice";

export function UserMenu({ name, email, roleLabel, logout }: { name: string; email: string; roleLabel: string; logout: () => Promise<void> }) {
  const [loggingOut, startTransition] = useTransition();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Account menu for ${name}`}
        className="flex items-center gap-2 rounded-full p-0.5 pr-2 hover:bg-slate-100 data-[state=open]:bg-slate-100"
      >
        <Avatar name={name} size="sm" />
        <span className="hidden text-sm font-medium text-slate-700 sm:inline">{name}</span>
        <ChevronDown />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-60 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-500">{email}</p>
            <p className="mt-1 text-xs text-slate-500">{roleLabel}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item asChild>
            <Link href="/profile" className="block rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100">
              Profile
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <ThemeChoice />
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item
            disabled={loggingOut}
            // The menu closes on select, so the action runs in a transition rather than a form
            // that would unmount before it submits.
            onSelect={() => startTransition(() => logout())}
            className="cursor-pointer rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100"
          >
            {loggingOut ? "Logging out…" : "Log out"}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
