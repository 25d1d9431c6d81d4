import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

/** The app's PrismaClient, or the client of a transaction the caller already opened. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/**
 * Runs `fn` in a transaction: a new one on a PrismaClient, the caller's own when `db` is already a
 * transaction client (so cache writers can be used inside another operation's transaction).
 */
export function runInTransaction<T>(db: DbClient, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db) return db.$transaction(fn);
  return fn(db);
}
