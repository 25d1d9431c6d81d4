/** URLs of the account's chat routes, with every id encoded. */
export function accountApi(accountId: string) {
  const base = `/api/accounts/${encodeURIComponent(accountId)}`;
  const chat = (chatId: string) => `${base}/chats/${encodeURIComponent(chatId)}`;
  return {
    chats: (params: URLSearchParams) => `${base}/chats?${params.toString()}`,
    messages: (chatId: string, before: string | null) =>
      `${chat(chatId)}/messages?limit=50${before ? `&before=${encodeURIComponent(before)}` : ""}`,
    messagesAround: (chatId: string, messageId: string) => `${chat(chatId)}/messages?limit=50&around=${encodeURIComponent(messageId)}`,
    send: (chatId: string) => `${chat(chatId)}/messages`,
    files: (chatId: string) => `${chat(chatId)}/files`,
    retry: (chatId: string, outboxId: string) => `${chat(chatId)}/outbox/${encodeURIComponent(outboxId)}/retry`,
    read: (chatId: string) => `${chat(chatId)}/read`,
    order: (chatId: string) => `${chat(chatId)}/order`,
    queue: (params: URLSearchParams) => `${base}/queue?${params.toString()}`,
    queueCounts: () => `${base}/queue/counts`,
    agents: () => `${base}/agents`,
    assignee: (chatId: string) => `${chat(chatId)}/assignee`,
    status: (chatId: string) => `${chat(chatId)}/status`,
    notes: (chatId: string) => `${chat(chatId)}/notes`,
    activities: (chatId: string) => `${chat(chatId)}/activities`,
    presence: (chatId: string) => `${chat(chatId)}/presence`,
    bulk: () => `${base}/chats/bulk`,
    /** A product question's answers / a review's comments (POST), one of ours (DELETE with its message id). */
    answers: (chatId: string, messageId?: string) => `${chat(chatId)}/answers${messageId ? `/${encodeURIComponent(messageId)}` : ""}`,
  };
}

/** The chat of an inbox page's path (/inbox/<chatId>), else null. */
export function chatIdOfPath(pathname: string): string | null {
  const match = /^\/inbox\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** The inbox page of a chat, keeping the account in the URL. */
export function chatHref(accountId: string, chatId: string): string {
  return `/inbox/${encodeURIComponent(chatId)}?account=${encodeURIComponent(accountId)}`;
}
