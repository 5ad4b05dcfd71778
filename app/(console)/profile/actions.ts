"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { endOtherSessions } from "@/lib/auth/sessions-queries";
import { requireViewer } from "@/lib/auth/viewer";

export async function endOtherSessionsAction(): Promise<void> {
  const viewer = await requireViewer();
  const db = await getDb();
  await db.transaction((tx) => endOtherSessions(tx, viewer));
  revalidatePath("/profile");
}
