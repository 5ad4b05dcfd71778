import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";

// "/" sends a signed-in viewer to their own organization, everyone else to the login page.
export default async function Home() {
  const viewer = await getViewer();
  redirect(viewer ? `/o/${viewer.org.id}` : "/login");
}
