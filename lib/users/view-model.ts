// What the users page hands to its client components: plain, serialisable, nothing secret.
import type { UserStatus } from "./filters";
import type { RowAction } from "./page-data";

export type UserTableRow = {
  id: string;
  name: string;
  email: string;
  orgId: string;
  orgName: string;
  role: string;
  roleLabel: string;
  location: string | null;
  status: UserStatus;
  lastLogin: string;
  registered: string;
  devices: number;
  actions: RowAction[];
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
  tags: boolean;
  /** May choose the "All in reach" scope. */
  reach: boolean;
  /** May open a role's grants. */
  rolesView: boolean;
  /** May give the Admin role. */
  makeAdmin: boolean;
};
