// The policy module: pure, synchronous, no I/O. Safe to import from server and client code.
export * from "./permissions";
export * from "./roles";
export * from "./plans";
export * from "./actions";
export * from "./checks";
export * from "./scope";
export * from "./user-type";
export type * from "./types";
export { PolicyError } from "./errors";
export type { Refusal } from "./refusals";
export { assertAuthorized, authorize, can, devicesInSight, heldPermissions, holdsPermission, may, mayViewLocations } from "./authorize";
