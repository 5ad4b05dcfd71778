// A person's type follows the rules (product.md §2): developer ⇔ developer mode on; partner only
// in a partner-type org; end user otherwise. Derived, so it moves with developer mode.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { userDetails } from "@/lib/users/details";
import { actorFor, viewerFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { idOf, inviteAndAccept } from "../helpers/fixtures";
import { setDeveloperMode } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const typeOf = async (email: string) => (await viewerFor(db, email)).type;
/** The type as an Admin sees it on the person's profile page. */
const shownTo = async (adminEmail: string, email: string) => (await userDetails(db, await actorFor(db, adminEmail), await idOf(db, email))).type;

describe("user type", () => {
  it("the demo people obey the rules: Staff on Acme (pro, root org) is an end user, not a partner", async () => {
    const expected = {
      "admin@acme.test": "developer",
      "staff@acme.test": "end_user",
      "user@acme.test": "end_user",
      "r@muller.test": "end_user",
      "m@united.test": "end_user",
      "admin@initech.test": "developer",
      "tech@initech.test": "end_user",
      "d@northwind.test": "partner",
      "i@contoso.test": "partner",
      "admin@globex.test": "developer",
    };
    for (const [email, type] of Object.entries(expected)) expect([email, await typeOf(email)]).toEqual([email, type]);
    expect(await shownTo("admin@acme.test", "staff@acme.test")).toBe("end_user");
    expect(await shownTo("admin@initech.test", "d@northwind.test")).toBe("partner");
  });

  it("after developer mode moves to another Admin (free: one holder), only the new holder is a developer", async () => {
    await inviteAndAccept(db, "admin@globex.test", { email: "second@globex.test", name: "Sue Second", role: "admin" });
    expect(await typeOf("second@globex.test")).toBe("end_user");

    await setDeveloperMode(db, await actorFor(db, "admin@globex.test"), { enabled: false });
    await setDeveloperMode(db, await actorFor(db, "second@globex.test"), { enabled: true });

    expect(await typeOf("admin@globex.test")).toBe("end_user");
    expect(await typeOf("second@globex.test")).toBe("developer");
    expect(await shownTo("second@globex.test", "admin@globex.test")).toBe("end_user");
    expect(await shownTo("admin@globex.test", "second@globex.test")).toBe("developer");
  });
});
