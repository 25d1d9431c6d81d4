/**
 * The account a page works on: the one the URL names (`?account=<id>`) when the user may work it, else the
 * user's first. Null when the user has none. An account the user may not work is never revealed: it is ignored.
 */
export function resolveCurrentAccount<Account extends { id: string }>(accounts: Account[], requestedId: string | undefined | null): Account | null {
  return accounts.find((account) => account.id === requestedId) ?? accounts[0] ?? null;
}
