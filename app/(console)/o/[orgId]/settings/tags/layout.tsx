import type { ReactNode } from "react";
import { getActorFor } from "@/lib/orgs/context";

// The gate runs here, above loading.tsx, so a viewer without access gets a real 404 (see getActorFor).
export default async function TagsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  await getActorFor((await params).orgId, "tags");
  return children;
}
