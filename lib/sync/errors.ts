/** Thrown by syncAccountNow when another app instance (or another run in this one) holds the account's sync lease. */
export class SyncLeaseHeldError extends Error {
  readonly accountId: string;
  constructor(accountId: string) {
    super("This account is being synchronised by another app instance right now; try again in a minute.");
    this.name = "SyncLeaseHeldError";
    this.accountId = accountId;
  }
}

/** Thrown inside a sync pass when its lease could not be renewed (it expired and another instance took it). */
export class SyncLeaseLostError extends Error {
  readonly accountId: string;
  constructor(accountId: string) {
    super("The sync of this account stopped: another app instance took it over.");
    this.name = "SyncLeaseLostError";
    this.accountId = accountId;
  }
}
