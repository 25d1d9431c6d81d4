import type { LeaseTable } from "@/lib/jobs/lease-table";

/** The outbox as lib/jobs claims it: a lease per row, guarded by the row's state. */
export const OUTBOX_LEASE: LeaseTable = {
  table: "outbox",
  id: "id",
  until: "lease_until",
  owner: "lease_owner",
  state: { column: "state", type: "outbox_state" },
  order: "created_at, id",
};

/** States in which a row is not settled yet: the outbox worker (or an agent's Retry) takes them on. */
export const UNSETTLED_OUTBOX_STATES = ["PENDING", "SENDING", "UNKNOWN"] as const;
