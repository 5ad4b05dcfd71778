import type { Permission } from "./permissions";
import type { ActionContext, TargetKind } from "./types";

type ActionSpec = {
  /** The permission the viewer's grants must hold; null for self-service actions. */
  readonly permission: Permission | null;
  /** Devices: the permission that suffices when the viewer owns the device. */
  readonly ownPermission?: Permission;
  readonly targets: readonly TargetKind[];
  /** Only the viewer's own user record is a valid target. */
  readonly self?: true;
  /** Context a command must supply (assertAuthorized refuses to run without it). */
  readonly needs?: readonly (keyof ActionContext)[];
};

// Every server action of product.md §5 maps to one entry. Anything not listed is refused.
export const ACTIONS = Object.freeze({
  "users.view": { permission: "users.view", targets: ["org", "user"] },
  "users.view_log": { permission: "users.view_log", targets: ["user"] },
  "users.invite": { permission: "users.invite", targets: ["org"], needs: ["role"] },
  "users.edit": { permission: "users.edit", targets: ["user"] },
  "users.change_role": { permission: "users.edit", targets: ["user"], needs: ["role"] },
  "users.change_password": { permission: "users.change_password", targets: ["user"] },
  "users.force_logout": { permission: "users.force_logout", targets: ["user"] },
  "users.suspend": { permission: "users.suspend", targets: ["user"] },
  "users.reactivate": { permission: "users.suspend", targets: ["user"] },
  "users.transfer": { permission: "users.transfer", targets: ["user"], needs: ["destination", "role"] },
  "users.delete": { permission: "users.delete", targets: ["user"] },
  "users.resend_invitation": { permission: "users.invite", targets: ["user"] },
  "users.revoke_invitation": { permission: "users.invite", targets: ["user"] },
  "users.export": { permission: "users.export", targets: ["org", "user"] },
  "users.send_device_log": { permission: "users.send_device_log", targets: ["user"] },
  // Tags belong to the tenant: created, renamed and deleted in the current org's settings.
  "tags.manage": { permission: "tags.manage", targets: ["tenant", "org"] },
  // Renaming, recolouring or deleting one reaches people and devices the whole tree over: the root's to do.
  "tags.edit": { permission: "tags.manage", targets: ["org"] },
  "tags.apply": { permission: "tags.manage", targets: ["user", "device", "org"] },
  "tags.remove": { permission: "tags.manage", targets: ["user", "device", "org"] },
  "self.change_password": { permission: null, targets: ["user"], self: true },
  "self.developer_mode": { permission: null, targets: ["user"], self: true },
  "self.edit": { permission: null, targets: ["user"], self: true },
  "devices.view": { permission: "org_devices.view", ownPermission: "own_devices.view", targets: ["device", "org"] },
  "devices.control": { permission: "org_devices.control", ownPermission: "own_devices.control", targets: ["device"] },
  "devices.create": { permission: "org_devices.create", targets: ["org"] },
  "devices.edit": { permission: "org_devices.edit", targets: ["device"] },
  "devices.delete": { permission: "org_devices.delete", targets: ["device"] },
  "devices.transfer": { permission: "devices.transfer", targets: ["device"], needs: ["newOwner"] },
  "orgs.switch": { permission: "orgs.switch", targets: ["org"] },
  "orgs.create": { permission: "orgs.create", targets: ["org"], needs: ["orgType"] },
  "orgs.edit": { permission: "orgs.edit", targets: ["org"] },
  "orgs.delete": { permission: "orgs.delete", targets: ["org"] },
  "org.settings": { permission: "org.settings", targets: ["tenant", "org"] },
  // Self sign-up (business): set in the root org; the role new members get is the one "given".
  "org.self_signup": { permission: "org.settings", targets: ["org"], needs: ["role"] },
  "roles.view": { permission: "roles.view", targets: ["tenant", "org"] },
  "roles.edit": { permission: "roles.edit", targets: ["tenant", "org"] },
  "locations.manage": { permission: "locations.manage", targets: ["tenant", "org"] },
  // Giving people or devices a location outside their edit dialog (the bulk "Set location").
  "locations.assign": { permission: "locations.manage", targets: ["user", "device", "org"] },
  "audit.view": { permission: "audit.view", targets: ["tenant", "org"] },
} as const satisfies Record<string, ActionSpec>);

export type Action = keyof typeof ACTIONS;
export const ACTION_KEYS: readonly Action[] = Object.freeze(Object.keys(ACTIONS) as Action[]);

export function isAction(x: unknown): x is Action {
  return typeof x === "string" && Object.hasOwn(ACTIONS, x);
}

export function actionSpec(action: Action): ActionSpec {
  return ACTIONS[action];
}
