"use client";

import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/action-result";

/** What a tag dialog reads from the server when it opens: null while loading; the refusal's message if any. */
export function useTagList<T>(load: () => Promise<ActionResult<T>>): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (current) setState(result.ok ? { data: result.data, error: null } : { data: null, error: result.message });
    });
    return () => {
      current = false;
    };
    // Loaded once per dialog: `load` is a new closure on every render of the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
