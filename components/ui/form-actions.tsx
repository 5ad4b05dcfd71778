import { Button } from "./button";

type Props = {
  onCancel: () => void;
  submitLabel: string;
  /** Shown on the submit button while the action runs. */
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  danger?: boolean;
};

/** The Cancel / submit pair at the foot of every dialog form. */
export function FormActions({ onCancel, submitLabel, busyLabel, busy, disabled, danger }: Props) {
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={busy || disabled}>
        {busy ? busyLabel : submitLabel}
      </Button>
    </div>
  );
}
