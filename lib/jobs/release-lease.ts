import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { LeaseTable } from "./lease-table";

/** Gives a lease up, only if `owner` still holds it, so that the row may be claimed again at once. */
export async function releaseLease(db: PrismaClient, table: LeaseTable, id: string, owner: string): Promise<void> {
  if (!table.owner) throw new Error(`releaseLease: ${table.table} has no owner column`);
  await db.$executeRaw`
    UPDATE ${Prisma.raw(`"${table.table}"`)}
       SET ${Prisma.raw(`"${table.until}"`)} = NULL, ${Prisma.raw(`"${table.owner}"`)} = NULL
     WHERE ${Prisma.raw(`"${table.id}"`)}::text = ${id} AND ${Prisma.raw(`"${table.owner}"`)} = ${owner}`;
}
