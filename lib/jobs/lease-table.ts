/**
 * How a table holds leases, for the claim primitive (claimLeaseRows, claimLeases, renewLease, releaseLease). Every name is a SQL
 * identifier written here in code, never taken from input: they are spliced into the statements as such.
 */
export type LeaseTable = {
  table: string;
  /** The primary key column. */
  id: string;
  /** Column of the lease's end (TIMESTAMP(3), UTC as Prisma stores it); null or past: nobody holds the row. */
  until: string;
  /** Column naming the holder; without it, a lease is only its end (renew and release then go by id). */
  owner?: string;
  /** The status column and its enum type, when claims are guarded by status. */
  state?: { column: string; type: string };
  /** Counted up by each claim, when the table keeps attempts this way. */
  attempts?: string;
  /** Set to the database's now by each claim: a Prisma @updatedAt column, which raw SQL leaves alone. */
  updatedAt?: string;
  /** ORDER BY of the candidates (oldest first, usually). */
  order: string;
};

/** The database's clock, in the UTC wall time Prisma stores DateTime columns in. */
export const DB_NOW = "(now() AT TIME ZONE 'UTC')";
