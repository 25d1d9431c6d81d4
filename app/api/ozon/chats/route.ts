import { getConfiguredConnection } from "@/lib/accounts/get-configured-connection";
import { listLiveChats } from "@/lib/chats/list-live-chats";
import { handleRoute } from "@/lib/http/handle-route";

// Always live: this route reads Ozon on every request.
export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => listLiveChats(getConfiguredConnection()));
