import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/user-route";
import { listSavedReplies } from "@/lib/replies/list-saved-replies";
import { repliesToCsv } from "@/lib/replies/replies-csv";

export const dynamic = "force-dynamic";

/** The saved replies the user sees as a file: ?format=json (default) or csv. */
export const GET = userRoute(async ({ request, user }) => {
  const replies = await listSavedReplies(getDb(), user);
  const csv = new URL(request.url).searchParams.get("format") === "csv";
  // Whether this user may change each reply means nothing in a file another user may import.
  const body = csv ? repliesToCsv(replies) : JSON.stringify({ replies: replies.map(({ mayEdit: _mayEdit, ...reply }) => reply) }, null, 2);
  return new Response(body, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="saved-replies.${csv ? "csv" : "json"}"`,
    },
  });
});
