"use client";

import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { usersList } from "@/lib/table/users";

/**
 * The table's URL state. Every change re-renders the page on the server (shallow: false); any
 * change but paging itself goes back to the first page.
 */
export function useUsersUrl() {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(usersList.url, { shallow: false, startTransition, history: "push" });
  const update = (patch: Partial<Omit<typeof state, "after" | "before">>) => setState({ ...patch, after: null, before: null });
  return { state, setState, update, pending };
}
