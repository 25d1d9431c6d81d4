import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { userRoute } from "@/lib/http/user-route";
import { deleteSavedReply } from "@/lib/replies/delete-saved-reply";
import { saveSavedReply } from "@/lib/replies/save-saved-reply";
import { savedReplyInputSchema } from "@/lib/replies/saved-reply-view";

type Params = { replyId: string };

/** Changes a saved reply the user may change. */
export const PUT = userRoute<Params>(async ({ request, user, params }) => {
  const input = await readJsonBody(request, savedReplyInputSchema);
  return { reply: await saveSavedReply(getDb(), user, params.replyId, input) };
});

/** Removes a saved reply the user may change. */
export const DELETE = userRoute<Params>(async ({ user, params }) => {
  await deleteSavedReply(getDb(), user, params.replyId);
  return { ok: true };
});
