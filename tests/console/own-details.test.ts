import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";

import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { refusedWithoutChange } from "../helpers/snapshot";
import { updateOwnDetails } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

describe("own details", () => {
  it("lets anyone, even a User without grants, change their own name and phone", async () => {
    const uma = await actorFor(db, "user@acme.test");
    await updateOwnDetails(db, uma, { name: "Uma U. Ulrich", phone: "+49 30 1234" });
    expect(await userByEmail(db, "user@acme.test")).toMatchObject({ name: "Uma U. Ulrich", phone: "+49 30 1234" });
  });

  it("refuses an email change, control characters and long names, changing nothing", async () => {
    const uma = await actorFor(db, "user@acme.test");
    for (const input of [{ name: "Uma", email: "new@x.test" }, { name: "Uma\r\nBcc: x" }, { name: "x".repeat(61) }, { name: "Uma", phone: "call me" }]) {
      expect((await refusedWithoutChange(db, () => updateOwnDetails(db, uma, input))).code).toBe("INVALID");
    }
  });
});
