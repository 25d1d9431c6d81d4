import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import { DB_NOW, type LeaseTable } from "./lease-table";

/**
 * Extends the lease `owner` holds on a row by `ttlMs` from now; false when it holds it no more (it ran out and
 * another instance took the row over, or the row changed hands): the caller must then stop working on it.
 */
export async function renewLease(db: PrismaClient, table: LeaseTable, id: string, owner: string, ttlMs: number): Promise<boolean> {
  if (!table.owner) throw new Error(`renewLease: ${table.table} has no owner column`);
  const count = await db.$executeRaw`
    UPDATE ${Prisma.raw(`"${table.table}"`)}
       SET ${Prisma.raw(`"${table.until}"`)} = ${Prisma.raw(DB_NOW)} + ${Math.round(ttlMs)}::int * interval '1 millisecond'
     WHERE ${Prisma.raw(`"${table.id}"`)}::text = ${id} AND ${Prisma.raw(`"${table.owner}"`)} = ${owner}`;
  return count === 1;
}
