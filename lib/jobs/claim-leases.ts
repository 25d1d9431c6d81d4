import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { claimLeaseRows, type ClaimLeasesInput } from "./claim-lease-rows";
import type { LeaseTable } from "./lease-table";

/** claimLeaseRows for callers that need only the claimed rows' ids (as text), oldest first. */
export async function claimLeases(db: PrismaClient | Prisma.TransactionClient, table: LeaseTable, input: ClaimLeasesInput): Promise<string[]> {
  const rows = await claimLeaseRows<Record<string, unknown>>(db, table, input, [table.id]);
  return rows.map((row) => String(row[table.id]));
}
