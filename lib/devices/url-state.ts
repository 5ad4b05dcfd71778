// The devices table's state in the URL, as on the users page.
import { createLoader, parseAsInteger, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { PAGE_SIZES } from "@/lib/users/sort";
import { DEVICE_SORT_KEYS } from "./sort";

export const devicesUrlState = {
  q: parseAsString.withDefault(""),
  scope: parseAsStringLiteral(["org", "reach"] as const).withDefault("org"),
  sort: parseAsStringLiteral(DEVICE_SORT_KEYS).withDefault("name"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(50),
  page: parseAsInteger.withDefault(1),
};

export const loadDevicesUrlState = createLoader(devicesUrlState);
