// What the users page hands to its client components: plain, serialisable, nothing secret.
import type { TagRef } from "@/lib/tags/target";
import type { UserRow } from "./list";
import type { BlockedActions, RowAction } from "./page-data";

/** A row of the users list with its dates as text, its role's name and its menu. */
export type UserTableRow = Pick<UserRow, "id" | "name" | "email" | "orgId" | "orgName" | "role" | "location" | "status" | "devices"> & {
  roleLabel: string;
  tags: TagRef[];
  lastLogin: string;
  registered: string;
  actions: RowAction[];
  /** Entries of `actions` shown disabled, with the reason the server would give. */
  blocked: BlockedActions;
};

/** Bulk actions the viewer may use here (each command still decides per row). */
export type BulkPermissions = {
  invite: boolean;
  changeRole: boolean;
  forceLogout: boolean;
  suspend: boolean;
  resend: boolean;
  delete: boolean;
  export: boolean;
  /** Apply and remove tags. */
  tags: boolean;
  /** May set people's location in bulk. */
  locations: boolean;
  /** May choose the "All in reach" scope. */
  reach: boolean;
  /** May open a role's grants. */
  rolesView: boolean;
};
