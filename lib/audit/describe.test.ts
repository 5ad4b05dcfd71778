import { describe, expect, it } from "vitest";
import { PERMISSION_KEYS } from "@/lib/policy";
import { AUDIT_ACTION_KEYS, AUDIT_ACTIONS, type AuditAction } from "./actions";
import { describeAudit, type AuditContext, type AuditRecord } from "./describe";

const ROLES: Record<string, string> = { admin: "Admin", staff: "Staff", user: "User", field_tech: "Field technician" };
const ctx: AuditContext = { timeZone: "Europe/Berlin", roleName: (key) => ROLES[key] ?? key };

const UUID = "0b7c5a1e-8f2d-4c3b-9a6e-1d2f3a4b5c6d";
const person = { targetName: "Sam Stone", targetLabel: "sam@acme.test" };

type Sample = Partial<AuditRecord> & { changes: string[] };

// One row per action as its command writes it, with the sentences it must read as. Typed by
// AuditAction, so a new action without a sample does not compile, nor pass the test below.
const SAMPLES: Record<AuditAction, Sample> = {
  authn_login_success: { targetLabel: null, changes: [] },
  authn_login_fail: { targetLabel: null, actorName: null, changes: [] },
  authn_login_fail_throttled: { after: { rule: "email", failures: 10, blockedUntil: "2026-12-07T08:15:00.000Z" }, changes: ["10 failed attempts; blocked until Dec 7, 2026, 9:15 AM"] },
  session_logout_forced: { ...person, changes: ["Every session of theirs ended"] },
  session_logout_others: { after: { ended: 2 }, changes: ["2 other sessions ended"] },
  user_invited: { ...person, after: { name: "Sam Stone", email: "sam@acme.test", role: "staff", org: "Acme Heating" }, changes: ["Invited as Staff to Acme Heating"] },
  user_invitation_accepted: { ...person, changes: [] },
  user_invitation_resent: { ...person, changes: [] },
  // The person is gone: their name comes from what the row remembers.
  user_invitation_revoked: { targetName: null, targetLabel: "sam@acme.test", before: { name: "Sam Stone", email: "sam@acme.test", role: "staff" }, changes: ["Had been invited as Staff"] },
  user_updated: {
    ...person,
    before: { name: "Sam Stone", phone: null, role: "user" },
    after: { name: "Samuel Stone", phone: "+49 30 1234", role: "staff", locations: 2 },
    changes: ["Name changed from Sam Stone to Samuel Stone", "Phone set to +49 30 1234", "Role changed from User to Staff", "2 locations assigned"],
  },
  user_role_changed: { ...person, before: { role: "staff", developerMode: false }, after: { role: "admin", developerMode: false }, changes: ["Role changed from Staff to Admin"] },
  user_password_changed: { ...person, changes: [] },
  user_password_set_by_admin: { ...person, changes: ["Their sessions ended"] },
  user_password_reset_requested: { ...person, changes: [] },
  user_password_reset: { ...person, changes: [] },
  user_suspended: { ...person, before: { suspended: false }, after: { suspended: true }, changes: [] },
  user_reactivated: { ...person, before: { suspended: true }, after: { suspended: false }, changes: [] },
  user_transferred: {
    ...person,
    before: { org: "Acme Heating", role: "staff" },
    after: { org: "Muller Boiler Group", role: "staff", movedDevices: true },
    changes: ["Moved from Acme Heating to Muller Boiler Group", "Stays Staff", "Their devices moved with them"],
  },
  user_deleted: {
    targetName: null,
    targetLabel: "sam@acme.test",
    before: { name: "Sam Stone", email: "sam@acme.test", role: "field_tech", org: "Acme Heating" },
    after: { devices: "to admin@acme.test" },
    changes: ["Was Field technician in Acme Heating", "Their devices passed to admin@acme.test"],
  },
  user_tagged: { ...person, after: { tag: "Boilers" }, changes: ["Tagged “Boilers”"] },
  device_log_sent: { ...person, after: { days: 30, to: "admin@acme.test" }, changes: ["The actions log of their devices over the last 30 days emailed to admin@acme.test"] },
  user_untagged: { ...person, before: { tag: "Boilers", tagId: UUID }, changes: ["Tag “Boilers” removed"] },
  developer_mode_on: { ...person, before: { developerMode: false }, after: { developerMode: true }, changes: [] },
  developer_mode_off: { ...person, before: { developerMode: true }, after: { developerMode: false }, changes: [] },
  device_created: { targetName: "Pool Heater", targetLabel: "Pool Heater", after: { name: "Pool Heater", model: "PH-1", ownerId: UUID, owner: "Sam Stone", location: "HQ" }, changes: ["Model PH-1", "Owned by Sam Stone", "At HQ"] },
  device_deleted: { targetLabel: "Pool Heater", before: { name: "Pool Heater", model: "PH-1", org: "Marsh Residence" }, changes: ["Model PH-1, in Marsh Residence"] },
  device_location_set: { targetLabel: "Pool Heater", before: { location: "North depot" }, after: { location: "Warehouse Berlin" }, changes: ["Location set to Warehouse Berlin (was North depot)"] },
  location_created: { targetLabel: "Warehouse Berlin", after: { name: "Warehouse Berlin", address: "Lager 1, Berlin", pin: "52.5, 13.4" }, changes: ["Address Lager 1, Berlin", "Map pin 52.5, 13.4"] },
  location_updated: {
    targetLabel: "Warehouse Berlin",
    before: { name: "Warehouse", address: "", pin: null },
    after: { name: "Warehouse Berlin", address: "Lager 1, Berlin", pin: "52.5, 13.4" },
    changes: ["Name changed from Warehouse to Warehouse Berlin", "Address set to Lager 1, Berlin", "Map pin set to 52.5, 13.4"],
  },
  location_deleted: { targetLabel: "Warehouse Berlin", before: { name: "Warehouse Berlin", address: "" }, after: { people: 2, devices: 1 }, changes: ["2 people and 1 device lost this location"] },
  user_location_set: { ...person, before: { locations: ["North depot", "South depot"] }, after: { location: null }, changes: ["Location removed (was North depot, South depot)"] },
  device_transferred: {
    targetLabel: "Pool Heater",
    before: { org: "Acme Heating", ownerId: UUID, owner: "Sam Stone" },
    after: { org: "Marsh Residence", ownerId: UUID, owner: "Mia Marsh" },
    changes: ["Moved from Acme Heating to Marsh Residence", "Owner now Mia Marsh (was Sam Stone)"],
  },
  device_updated: {
    targetLabel: "Pool Heater XL",
    before: { name: "Pool Heater", model: "" },
    after: { name: "Pool Heater XL", model: "PH-2" },
    changes: ["Name changed from Pool Heater to Pool Heater XL", "Model set to PH-2"],
  },
  org_created: {
    targetLabel: "Hill Cottage",
    after: { name: "Hill Cottage", type: "client", parent: "United Heaters Inc.", admins: ["h@united.test"] },
    changes: ["Client under United Heaters Inc.", "Admins invited: h@united.test"],
  },
  org_updated: {
    targetLabel: "Hill House",
    before: { name: "Hill Cottage", description: "", canCreateSubOrgs: false },
    after: { name: "Hill House", description: "", canCreateSubOrgs: true },
    changes: ["Name changed from Hill Cottage to Hill House", "May now create sub-organizations"],
  },
  org_settings_changed: {
    targetLabel: "Acme Heating GmbH",
    before: { name: "Acme Heating", description: "", timezone: "UTC" },
    after: { name: "Acme Heating GmbH", description: "Boilers since 1990", timezone: "Asia/Tokyo" },
    changes: ["Name changed from Acme Heating to Acme Heating GmbH", "Description changed", "Time zone changed from UTC to Asia/Tokyo"],
  },
  org_deleted: { targetLabel: "Hill Cottage", before: { name: "Hill Cottage", type: "client" }, changes: ["Was a client organization"] },
  role_created: { targetLabel: "Field technician", after: { key: "field_tech", name: "Field technician" }, changes: [] },
  device_tagged: { targetName: "Pool Heater", targetLabel: "Pool Heater", after: { tag: "Rooftop", tagId: UUID }, changes: ["Tagged “Rooftop”"] },
  device_untagged: { targetName: "Pool Heater", targetLabel: "Pool Heater", before: { tag: "Rooftop", tagId: UUID }, changes: ["Tag “Rooftop” removed"] },
  tag_created: { targetLabel: "Rooftop", after: { name: "Rooftop", color: "teal" }, changes: ["Colour teal"] },
  tag_updated: { targetLabel: "Roof", before: { name: "Rooftop", color: "teal" }, after: { name: "Roof", color: "blue" }, changes: ["Renamed from “Rooftop” to “Roof”", "Colour changed from teal to blue"] },
  tag_deleted: { targetLabel: "Roof", before: { name: "Roof", color: "blue" }, after: { people: 1, devices: 3 }, changes: ["Removed from 1 person and 3 devices"] },
  role_renamed: { targetLabel: "Field engineer", before: { name: "Field technician" }, after: { name: "Field engineer" }, changes: ["Renamed from “Field technician” to “Field engineer”"] },
  role_deleted: { targetLabel: "Field technician", before: { name: "Field technician" }, after: { membersMovedTo: "User", moved: 3, selfSignupRole: "user" }, changes: ["3 members moved to User", "Self sign-up now gives User"] },
  role_grants_changed: {
    targetLabel: "Staff",
    before: { grants: ["users.edit", "users.view"] },
    after: { grants: ["users.invite", "users.view"], added: ["users.invite"], removed: ["users.edit"], propagate: "changed", subOrgs: 5 },
    changes: ["Staff gained Invite users; lost Edit users", "The same change made in 5 sub-organizations"],
  },
  tenant_signed_up: { targetLabel: "Initech Climate", after: { organization: "Initech Climate", plan: "pro", admin: "ian@initech.test" }, changes: ["Pro plan"] },
  user_joined: { ...person, after: { name: "Sam Stone", email: "sam@acme.test", role: "user", org: "Acme Heating" }, changes: ["Joined Acme Heating as User"] },
  self_signup_changed: {
    targetLabel: "Acme Heating",
    before: { enabled: false, role: "user", domains: [], handle: "acme" },
    after: { enabled: true, role: "staff", domains: ["acme.test"], handle: "acme" },
    changes: ["Self sign-up turned on", "Role for new members changed from User to Staff", "Allowed email domains changed from any domain to acme.test"],
  },
  tenant_created: { actorEmail: "operator", after: { name: "Initech Climate", plan: "business", admin: "ian@initech.test" }, changes: ["Business plan", "First Admin invited: ian@initech.test"] },
  tenant_plan_changed: { actorEmail: "operator", before: { plan: "plus" }, after: { plan: "pro" }, changes: ["Plan changed from Plus to Pro"] },
  tenant_suspended: { actorEmail: "operator", after: { sessionsEnded: 1 }, changes: ["1 session ended"] },
  tenant_resumed: { actorEmail: "operator", before: { suspendedAt: "2026-12-01T10:00:00.000Z" }, changes: [] },
  tenant_deleted: { actorEmail: "operator", before: { name: "Globex", plan: "free", users: 2, organizations: 1, devices: 0, emails: 3 }, changes: ["Removed 2 users, 1 organization and 0 devices"] },
  user_reset_link_issued: { ...person, actorEmail: "operator", changes: [] },
};

function rowOf(action: string, sample: Partial<AuditRecord>): AuditRecord {
  return { action, actorEmail: "admin@acme.test", actorName: "Ann Admin", targetLabel: null, targetName: null, orgName: "Acme Heating", before: null, after: null, ...sample };
}

describe("describeAudit", () => {
  it("has a sample, and so a sentence, for every action the log records", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...AUDIT_ACTION_KEYS].sort());
  });

  it.each(AUDIT_ACTION_KEYS)("%s reads as sentences, with no keys, ids or JSON", (action) => {
    const { changes, ...sample } = SAMPLES[action];
    const d = describeAudit(rowOf(action, sample), ctx);
    expect(d.changes).toEqual(changes);
    expect(d.what).toBe(AUDIT_ACTIONS[action]);
    expect(d.summary).toMatch(/^\S.*\.$/);
    expect(d.summary).toContain(AUDIT_ACTIONS[action]);
    for (const line of changes) expect(d.summary).toContain(line);
    // What a person should never have to read: uuids, permission keys, JSON, role keys.
    expect(d.summary).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|[{}[\]]|field_tech|undefined|null/);
    for (const key of PERMISSION_KEYS) expect(d.summary).not.toContain(key);
  });

  it("names people as they were then, with their email beside the name", () => {
    const d = describeAudit(rowOf("user_role_changed", { ...SAMPLES.user_role_changed }), ctx);
    expect(d).toMatchObject({ who: "Ann Admin", whoEmail: "admin@acme.test", target: "Sam Stone", targetLabel: "sam@acme.test", org: "Acme Heating" });
    expect(d.summary).toBe("Ann Admin: Role changed — Sam Stone. Role changed from Staff to Admin.");
  });

  it("falls back for rows written before names were kept: the email, the name in before, the operator, the system", () => {
    expect(describeAudit(rowOf("user_suspended", { actorName: null, targetLabel: "sam@acme.test" }), ctx)).toMatchObject({ who: "admin@acme.test", whoEmail: null, target: "sam@acme.test", targetLabel: null });
    expect(describeAudit(rowOf("user_deleted", { ...SAMPLES.user_deleted }), ctx)).toMatchObject({ target: "Sam Stone", targetLabel: "sam@acme.test" });
    expect(describeAudit(rowOf("tenant_suspended", { actorEmail: "operator", actorName: null }), ctx)).toMatchObject({ who: "Operator", whoEmail: null });
    expect(describeAudit(rowOf("authn_login_fail", { actorEmail: null, actorName: null }), ctx)).toMatchObject({ who: "System" });
    // Devices once kept their owner by id only: the id is not shown.
    expect(describeAudit(rowOf("device_created", { after: { name: "Boiler", model: "B-1", ownerId: UUID } }), ctx).changes).toEqual(["Model B-1", "Owned by a person"]);
    expect(describeAudit(rowOf("device_transferred", { before: { org: "Acme Heating", ownerId: UUID }, after: { org: "Acme Heating", owner: "w@muller.test" } }), ctx).changes).toEqual([
      "Owner now w@muller.test",
    ]);
  });

  it("says what overwriting sub-organizations did, and reads an action no longer known by its key", () => {
    const overwrite = rowOf("role_grants_changed", { targetLabel: "User", after: { added: [], removed: ["users.view"], propagate: "overwrite", subOrgs: 1 } });
    expect(describeAudit(overwrite, ctx).changes).toEqual(["User lost View users", "1 sub-organization set to exactly these permissions"]);
    expect(describeAudit(rowOf("user_archived", {}), ctx)).toMatchObject({ what: "User archived", changes: [], summary: "Ann Admin: User archived." });
  });
});
