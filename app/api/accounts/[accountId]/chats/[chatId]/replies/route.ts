import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { listChatReplies } from "@/lib/replies/list-chat-replies";
import { loadReplyVariables } from "@/lib/replies/load-reply-variables";

type Params = { accountId: string; chatId: string };

export const dynamic = "force-dynamic";

/** The saved replies for this chat, best first, and the values of their variables here. */
export const GET = accountRoute<Params>(async ({ params, user, account }) => {
  const db = getDb();
  const target = { accountId: account.id, chatId: params.chatId };
  const variables = await loadReplyVariables(db, () => getAccountConnection(db, account.id), target, user);
  return { replies: await listChatReplies(db, user, target), variables };
});
