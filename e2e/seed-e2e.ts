// Adds 60 customers to the Acme Heating root so the users table has pages to walk, mixed
// roles and statuses to filter, before the end-to-end suite starts (scripts/test.sh).
// Idempotent. Run with: npx tsx --conditions=react-server e2e/seed-e2e.ts
import { eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { users } from "@/db/schema";

async function main() {
  const db = await getDb();
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
