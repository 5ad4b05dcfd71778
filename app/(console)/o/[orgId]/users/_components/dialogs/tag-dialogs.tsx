"use client";

import { ApplyTagDialog } from "@/components/tags/apply-tag-dialog";
import { RemoveTagDialog } from "@/components/tags/remove-tag-dialog";
import { usersCount } from "@/lib/format/count";
import type { TagChoice } from "@/lib/tags/schemas";
import type { UserFilters } from "@/lib/users/filters";
import { tagChoicesAction, userTagsCarriedAction } from "../../actions";

type Common = { orgId: string; count: number; capped: boolean; /** A single person's name. */ name?: string; onClose: () => void };
const whom = ({ count, capped, name }: Common) => name ?? usersCount(count, capped);

/** Apply tag to people: the tenant's tags, or a new one; people at five tags are skipped and named. */
export function ApplyUserTagDialog(props: Common & { onApply: (tag: TagChoice, label: string) => Promise<void> }) {
  return (
    <ApplyTagDialog
      title={`Apply a tag to ${whom(props)}`}
      description="Each person can have at most 5 tags; anyone at 5 is skipped."
      loadChoices={() => tagChoicesAction({ orgId: props.orgId })}
      onApply={props.onApply}
      onClose={props.onClose}
    />
  );
}

/** Remove tag from people: the tags they carry. */
export function RemoveUserTagDialog(props: Common & { selection: { userIds: string[] } | { matching: UserFilters }; onRemove: (tagId: string, label: string) => Promise<void> }) {
  return (
    <RemoveTagDialog
      title={`Remove a tag from ${whom(props)}`}
      description="Only the tags they carry are offered. The tag itself stays in Settings → Tags."
      loadTags={() => userTagsCarriedAction({ orgId: props.orgId, ...props.selection })}
      onRemove={props.onRemove}
      onClose={props.onClose}
    />
  );
}
