// The end-to-end suite's data, before it starts (scripts/test.sh): exactly the demo tenants —
// whatever the integration tests left in the same database is wiped first — plus 60 customers
// in the Acme Heating root, so the users table has pages to walk and mixed roles and statuses to
// filter. Run with: npx tsx --conditions=react-server e2e/seed-e2e.ts
import { eq, sql } from "drizzle-orm";
import { closeDb } from "@/db/client";
import { users } from "@/db/schema";
import { freshDemoDb } from "@/tests/helpers/db";

async function main() {
  const db = await freshDemoDb();
  const [admin] = await db.select().from(users).where(eq(users.email, "admin@acme.test"));
  if (!admin) throw new Error("the demo tenant is missing; seed it first");
  const day = 86_400_000;
  const now = Date.now();
  await db
    .insert(users)
    .values(
      Array.from({ length: 60 }, (_, i) => {
        const n = String(i + 1).padStart(2, "0");
        const pending = i % 10 === 3;
        return {
          tenantId: admin.tenantId,
          orgId: admin.orgId,
          email: `customer${n}@acme.test`,
          name: `Customer ${n}`,
          role: i % 4 === 0 ? "staff" : "user",
          acceptedAt: pending ? null : new Date(now - 200 * day),
          lastLoginAt: pending ? null : new Date(now - ((i * 7) % 90) * day),
          suspendedAt: i % 15 === 7 ? new Date(now - 3 * day) : null,
          registeredAt: new Date(now - (200 + i) * day),
        };
      }),
    )
    .onConflictDoNothing();
  const [{ n } = { n: 0 }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users WHERE email LIKE 'customer%@acme.test'`)).rows;
  console.log(`e2e seed: ${n} customers in Acme Heating`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
