"use server";
// Console-wide reads the header needs (the org switcher), for the signed-in viewer.
import { z } from "zod";
import { selfAction } from "@/lib/action";
import { orgTypeLabel } from "@/lib/orgs/labels";
import { switchableOrgs } from "@/lib/orgs/tree";

export const switcherOrgsAction = selfAction(
  z.void(),
  async (db, actor) => {
    const orgs = await switchableOrgs(db, actor);
    return orgs.map((o) => ({ id: o.id, name: o.name, type: orgTypeLabel(o.type), depth: o.depth, users: o.users, own: o.id === actor.viewer.org.id }));
  },
  { writes: false },
);
