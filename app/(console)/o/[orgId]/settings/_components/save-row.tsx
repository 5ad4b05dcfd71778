import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** The foot of a settings form: its refusal if any, and Save, live once something changed. */
export function SaveRow({ error, pending, dirty }: { error: string | null; pending: boolean; dirty: boolean }) {
  return (
    <>
      <FormError message={error} />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || !dirty}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </>
  );
}
