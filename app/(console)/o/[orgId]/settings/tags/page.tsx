import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getActorFor } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/target";
import { can, may } from "@/lib/policy";
import { tagsWithUsage } from "@/lib/tags/queries";
import { TagsView } from "./_components/tags-view";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await getActorFor(orgId, "tags");
  const tags = await tagsWithUsage(await getDb(), actor);
  return <TagsView orgId={actor.org.id} orgName={actor.org.name} tags={tags} canManage={may(actor.policy, "tags.manage")} canEdit={can(actor.policy, "tags.edit", orgTarget(actor))} />;
}
