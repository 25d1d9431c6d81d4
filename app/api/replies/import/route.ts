import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { userRoute } from "@/lib/http/user-route";
import { importSavedReplies } from "@/lib/replies/import-saved-replies";

const importSchema = z.object({ format: z.enum(["json", "csv"], { error: "format must be json or csv" }), content: z.string().max(2 * 1024 * 1024) });

/** Imports saved replies from a file's text: { format: json|csv, content }; all or nothing. */
export const POST = userRoute(async ({ request, user }) => {
  const body = await readJsonBody(request, importSchema, { maxBytes: 3 * 1024 * 1024 });
  return importSavedReplies(getDb(), user, body);
});
