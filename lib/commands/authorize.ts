import { fromPolicy } from "@/lib/errors";
import { assertAuthorized, PolicyError, type Action, type ActionContext, type PolicyTarget, type PolicyViewer } from "@/lib/policy";

/** lib/policy's assertAuthorized, refusing with a DomainError: the only error commands throw. */
export function assertAllowed(viewer: PolicyViewer, action: Action, target: PolicyTarget, ctx?: ActionContext): void {
  try {
    assertAuthorized(viewer, action, target, ctx);
  } catch (error) {
    throw error instanceof PolicyError ? fromPolicy(error) : error;
  }
}

