import type { LeaseTable } from "@/lib/jobs/lease-table";

/**
 * The per-account sync lease as lib/jobs claims it: a lease on the account's sync_states row, so that across
 * several app instances on one PostgreSQL exactly one syncs an account at a time.
 */
export const SYNC_LEASE: LeaseTable = {
  table: "sync_states",
  id: "account_id",
  until: "lease_until",
  owner: "lease_owner",
  updatedAt: "updated_at",
  order: "account_id",
};
