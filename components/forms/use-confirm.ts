"use client";

import { useState, type FormEvent } from "react";

/**
 * A confirmation dialog's submit: busy while the caller's onConfirm runs. The caller reports
 * the outcome (bulk results are toasts, not form errors) and closes the dialog.
 */
export function useConfirm<T>(onConfirm: (value: T) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const submit = (value: T) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onConfirm(value);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
