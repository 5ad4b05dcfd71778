"use server";
// The locations page's server actions: each declares its input and runs one command (lib/locations/commands).
import { consoleAction } from "@/lib/action";
import { deleteLocation } from "@/lib/locations/commands/delete";
import { createLocation, editLocation } from "@/lib/locations/commands/manage";
import { createLocationSchema, deleteLocationSchema, editLocationSchema } from "@/lib/locations/schemas";

export const createLocationAction = consoleAction(createLocationSchema, createLocation);
export const editLocationAction = consoleAction(editLocationSchema, editLocation);
export const deleteLocationAction = consoleAction(deleteLocationSchema, deleteLocation);
