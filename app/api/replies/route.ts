import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { userRoute } from "@/lib/http/user-route";
import { listSavedReplies } from "@/lib/replies/list-saved-replies";
import { saveSavedReply } from "@/lib/replies/save-saved-reply";
import { mayWriteTeamReplies } from "@/lib/replies/saved-reply-rights";
import { savedReplyInputSchema } from "@/lib/replies/saved-reply-view";

export const dynamic = "force-dynamic";

/** The saved replies the user sees (the team's and their own, each with mayEdit), and whether they may write the team's. */
export const GET = userRoute(async ({ user }) => ({ replies: await listSavedReplies(getDb(), user), mayWriteTeam: mayWriteTeamReplies(user) }));

/** Adds a saved reply: { title, shortcut, text, scope: team|mine, accountId|null }; team replies are administrators'. */
export const POST = userRoute(async ({ request, user }) => {
  const input = await readJsonBody(request, savedReplyInputSchema);
  return Response.json({ reply: await saveSavedReply(getDb(), user, null, input) }, { status: 201 });
});
