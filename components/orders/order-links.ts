/** Where the order pages link to; the seller account always travels in the URL. */
export function ordersHref(accountId: string, search = ""): string {
  const query = search ? `&q=${encodeURIComponent(search)}` : "";
  return `/orders?account=${encodeURIComponent(accountId)}${query}`;
}

/** An order number (0025174183-3178) rather than a posting number (0025174183-3178-1): an order may have several. */
export function isOrderNumber(value: string): boolean {
  return /^\d+-\d+$/.test(value);
}

export function postingHref(accountId: string, postingNumber: string): string {
  return `/orders/${encodeURIComponent(postingNumber)}?account=${encodeURIComponent(accountId)}`;
}

export function inboxChatHref(accountId: string, chatId: string): string {
  return `/inbox/${encodeURIComponent(chatId)}?account=${encodeURIComponent(accountId)}`;
}

export function postingsApiUrl(accountId: string, search: string): string {
  const query = search ? `?search=${encodeURIComponent(search)}` : "";
  return `/api/accounts/${encodeURIComponent(accountId)}/postings${query}`;
}

export function postingApiUrl(accountId: string, postingNumber: string): string {
  return `/api/accounts/${encodeURIComponent(accountId)}/postings/${encodeURIComponent(postingNumber)}`;
}
