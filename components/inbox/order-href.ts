/** The order page of a posting or order number, keeping the account. */
export function orderHref(accountId: string, number: string): string {
  return `/orders/${encodeURIComponent(number)}?account=${encodeURIComponent(accountId)}`;
}
