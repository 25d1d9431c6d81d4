/** URLs of the account's chat routes, with every id encoded. */
export function accountApi(accountId: string) {
  const base = `/api/accounts/${encodeURIComponent(accountId)}`;
  const chat = (chatId: string) => `${base}/chats/${encodeURIComponent(chatId)}`;
  return {
    chats: (params: URLSearchParams) => `${base}/chats?${params.toString()}`,
    messages: (chatId: string, before: string | null) =>
      `${chat(chatId)}/messages?limit=50${before ? `&before=${encodeURIComponent(before)}` : ""}`,
    send: (chatId: string) => `${chat(chatId)}/messages`,
    files: (chatId: string) => `${chat(chatId)}/files`,
    retry: (chatId: string, outboxId: string) => `${chat(chatId)}/outbox/${encodeURIComponent(outboxId)}/retry`,
    read: (chatId: string) => `${chat(chatId)}/read`,
  };
}

/** The inbox page of a chat, keeping the account in the URL. */
export function chatHref(accountId: string, chatId: string): string {
  return `/inbox/${encodeURIComponent(chatId)}?account=${encodeURIComponent(accountId)}`;
}
