import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/user-route";
import { recordReplyUsage } from "@/lib/replies/record-reply-usage";

/** Counts one use of a saved reply (the composer inserted it). */
export const POST = userRoute<{ replyId: string }>(async ({ user, params }) => recordReplyUsage(getDb(), user, params.replyId));
