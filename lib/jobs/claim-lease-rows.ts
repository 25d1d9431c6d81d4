import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import { DB_NOW, type LeaseTable } from "./lease-table";

type Sql = ReturnType<typeof Prisma.sql>;

export type ClaimLeasesInput = {
  /** Who claims (an instance id, see jobInstanceId): written to the owner column, for tables that have one. */
  owner?: string;
  /** How long the lease lasts unless renewed. */
  ttlMs: number;
  /** Rows to claim at most. */
  limit: number;
  /**
   * Only the row with this key (compared as text). There is then no other row to skip to: the claim waits for a
   * transaction writing that row and judges the row as written, so its answer about that row holds.
   */
  id?: string;
  /** Only rows in one of these states (the status guard). */
  states?: readonly string[];
  /** The state claimed rows move to (default: unchanged). */
  claimedState?: string;
  /** Further conditions on the rows, e.g. an account or a due time. */
  where?: Sql;
  /** Also rows whose live lease `owner` holds itself (a claim that renews). */
  reentrant?: boolean;
};

/**
 * THE claim primitive of the app's background work (outbox, push events, sync leases): takes up to `limit` rows
 * of `table` that nobody holds — lease never taken, given up, or run out (its holder crashed or stalled: taken
 * over) — and that pass the status guard, for `owner` until `ttlMs` from now. One UPDATE over candidates locked
 * with FOR UPDATE SKIP LOCKED, the guard repeated on the rows themselves: of two instances (or two requests)
 * racing for a row exactly one gets it, and neither waits for the other. Times are the database's, never this
 * process's clock, so instances with skewed clocks agree. Returns `columns` of the claimed rows as they are after
 * the claim (attempts counted, state moved), in the table's order (oldest first, usually).
 */
export async function claimLeaseRows<Row>(
  db: PrismaClient | Prisma.TransactionClient,
  table: LeaseTable,
  input: ClaimLeasesInput,
  columns: readonly string[],
): Promise<Row[]> {
  if (table.owner && input.owner === undefined) throw new Error(`claimLeaseRows: ${table.table} needs an owner`);
  const tableName = Prisma.raw(`"${table.table}"`);
  const id = Prisma.raw(`"${table.id}"`);
  const guard = claimableSql(table, input);
  const sets: Sql[] = [
    Prisma.sql`${Prisma.raw(`"${table.until}"`)} = ${Prisma.raw(DB_NOW)} + ${Math.round(input.ttlMs)}::int * interval '1 millisecond'`,
  ];
  if (table.owner) sets.push(Prisma.sql`${Prisma.raw(`"${table.owner}"`)} = ${input.owner ?? null}`);
  if (table.attempts) sets.push(Prisma.raw(`"${table.attempts}" = "${table.attempts}" + 1`));
  if (table.updatedAt) sets.push(Prisma.raw(`"${table.updatedAt}" = ${DB_NOW}`));
  if (table.state && input.claimedState) {
    sets.push(Prisma.sql`${Prisma.raw(`"${table.state.column}"`)} = CAST(${input.claimedState} AS ${Prisma.raw(`"${table.state.type}"`)})`);
  }
  const columnList = Prisma.raw(columns.map((column) => `"${column}"`).join(", "));
  const update = (rows: Sql) => Prisma.sql`
      UPDATE ${tableName}
         SET ${Prisma.join(sets, ", ")}
       WHERE ${rows}
         AND ${guard}
      RETURNING *`;
  if (input.id !== undefined) {
    return db.$queryRaw<Row[]>`
      WITH claimed AS (${update(Prisma.sql`${id}::text = ${input.id}`)})
      SELECT ${columnList} FROM claimed ORDER BY ${Prisma.raw(table.order)}`;
  }
  // The candidates are materialized: as a plain IN (subquery) the planner may run the subquery again for each row,
  // and each run skips the rows this statement has just updated and takes the next ones, past `limit`.
  return db.$queryRaw<Row[]>`
    WITH candidates AS MATERIALIZED (
           SELECT ${id} FROM ${tableName}
            WHERE ${guard}
            ORDER BY ${Prisma.raw(table.order)}
            LIMIT ${input.limit}
              FOR UPDATE SKIP LOCKED),
         claimed AS (${update(Prisma.sql`${id} IN (SELECT ${id} FROM candidates)`)})
    SELECT ${columnList} FROM claimed ORDER BY ${Prisma.raw(table.order)}`;
}

/** The rows `input.owner` may claim: not held (or held by itself, when reentrant), in the states, and `where`. */
function claimableSql(table: LeaseTable, input: ClaimLeasesInput): Sql {
  const until = Prisma.raw(`"${table.until}"`);
  const free =
    input.reentrant && table.owner && input.owner !== undefined
      ? Prisma.sql`(${until} IS NULL OR ${until} < ${Prisma.raw(DB_NOW)} OR ${Prisma.raw(`"${table.owner}"`)} = ${input.owner})`
      : Prisma.sql`(${until} IS NULL OR ${until} < ${Prisma.raw(DB_NOW)})`;
  const parts: Sql[] = [free];
  if (table.state && input.states) {
    if (input.states.length === 0) return Prisma.sql`FALSE`;
    const type = Prisma.raw(`"${table.state.type}"`);
    parts.push(
      Prisma.sql`${Prisma.raw(`"${table.state.column}"`)} IN (${Prisma.join(input.states.map((state) => Prisma.sql`CAST(${state} AS ${type})`))})`,
    );
  }
  if (input.where) parts.push(input.where);
  return Prisma.join(parts, " AND ");
}
