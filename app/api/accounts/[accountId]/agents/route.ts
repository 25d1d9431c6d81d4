import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { listAccountAgents } from "@/lib/team/list-account-agents";

/** The active users who may work the account: whom a chat can be assigned to and a note can mention. */
export const GET = accountRoute(async ({ account }) => ({ agents: await listAccountAgents(getDb(), account.id) }));
