import type { ReactNode } from "react";
import { loadDevice } from "./device";

// The gate runs here, above loading.tsx, so a device the viewer may not see is a real 404 (see getActorFor).
export default async function DeviceLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string; deviceId: string }> }) {
  const { orgId, deviceId } = await params;
  await loadDevice(orgId, deviceId);
  return children;
}
